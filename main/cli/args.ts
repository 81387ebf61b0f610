import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../engine/basics';
import { CliError } from './cli-io';

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  values: {
    'data-dir'?: string;
    port?: string;
    open?: boolean;
    json?: boolean;
    plan?: string[];
    at?: string;
    count?: string;
    output?: string;
    'dry-run'?: boolean;
    target?: string;
    help?: boolean;
  };
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        json: { type: 'boolean' },
        plan: { type: 'string', multiple: true },
        at: { type: 'string' },
        count: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'dry-run': { type: 'boolean' },
        target: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, values };
  } catch (error) {
    throw new CliError(
      `${error instanceof Error ? error.message : String(error)}\nRun \`hibernator --help\` for usage.`,
    );
  }
}

export function intOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

/** The --data-dir option, else HIBERNATOR_DATA_DIR, else the desktop app's folder. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ? resolve(option) : defaultDataDir(env);
}
