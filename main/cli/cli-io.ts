/** Where CLI commands write: injected so commands are tested without spawning processes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const USAGE = `Usage: hibernator <command> [options]

Commands:
  serve [--port N] [--data-dir D] [--open]       HTTP API + web UI on 127.0.0.1 (default port 4680)
  validate <file>... [--json]                    validate plan / exception / connection YAML files
  preview <file> [--plan NAME] [--at ISO] [--count N] [--json]
                                                 state now and the next transitions of a plan file
  import <file> [--dry-run] [--data-dir D]       import operator YAML (all or nothing)
  export [--plan NAME]... [-o FILE] [--data-dir D]
                                                 export plans, their exceptions and connections
  plans [--json] [--data-dir D]                  list plans with their phase and next transition
  discover <plan> [--target T] [--json]          dry run: what each target would touch now
  call <method> [JSON] [--data-dir D]            call any API method (see docs/api.md)

Options:
  --data-dir D   data directory (default: $HIBERNATOR_DATA_DIR or the OS user-data folder)
  -h, --help     this help
`;
