import { intOption, parseCliArgs, resolveDataDir } from './args';
import { CliError, USAGE, type CliIo } from './cli-io';
import { previewCommand } from './commands/preview-command';
import { validateCommand } from './commands/validate-command';
import { DataDirError } from '../engine/basics';
import { terminalSafeIo } from './terminal-text';

/**
 * Runs one CLI command. Returns the exit code, or null for `serve`, which keeps running until
 * SIGINT/SIGTERM.
 */
export async function runCli(argv: string[], terminal: CliIo): Promise<number | null> {
  // Plan text and remote errors reach a terminal: no escape sequence of theirs is passed on.
  const io = terminalSafeIo(terminal);
  try {
    const args = parseCliArgs(argv);
    const v = args.values;
    if (v.help || !args.command || args.command === 'help') {
      io.out(USAGE);
      return args.command || v.help ? 0 : 2;
    }
    const dataDir = (): string => resolveDataDir(v['data-dir'], io.env);
    // Loaded by the commands that use it, so `validate`, `preview` and `help` start without it.
    const engine = () => import('./commands/engine-commands');
    switch (args.command) {
      case 'validate':
        return validateCommand(args.positionals, v.json ?? false, io);
      case 'preview':
        return previewCommand(
          {
            file: args.positionals[0],
            plan: v.plan?.[0],
            at: v.at,
            count: v.count,
            json: v.json ?? false,
          },
          io,
        );
      case 'import':
        return await (
          await engine()
        ).importCommand(args.positionals[0], v['dry-run'] ?? false, dataDir(), io);
      case 'export':
        return await (await engine()).exportCommand(v.plan, v.output, dataDir(), io);
      case 'plans':
        return await (await engine()).plansCommand(v.json ?? false, dataDir(), io);
      case 'discover':
        return await (
          await engine()
        ).discoverCommand(args.positionals[0], v.target, v.json ?? false, dataDir(), io);
      case 'call':
        return await (
          await engine()
        ).callCommand(args.positionals[0], args.positionals[1], dataDir(), io);
      case 'serve': {
        const port = intOption(v.port, 'port', 4680, 0, 65535);
        // Loaded on demand, so the one-shot commands start without the HTTP host and the engine.
        const { startServeHost } = await import('../server/serve-host');
        const host = await startServeHost({
          dataDir: dataDir(),
          port,
          open: v.open ?? false,
          log: (line) => io.out(line + '\n'),
        });
        const stop = (): void => {
          void host.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return null;
      }
      default:
        throw new CliError(`unknown command "${args.command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`hibernator: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof DataDirError ||
      (error instanceof Error && 'code' in error && typeof error.code === 'string')
    ) {
      io.err(`hibernator: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
