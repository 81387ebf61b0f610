import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMethod, ApiOutputs } from '../../shared/api/contract';
import type { Engine, DispatchResult } from '../engine';
import { callLocalSocket, cliCaller, localSocketPath } from '../server/local-socket';
import { CliError } from './cli-io';

export type Call = (method: ApiMethod, input: unknown) => Promise<DispatchResult>;

function runningEnginePid(dataDir: string): number | null {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, 'engine.lock'), 'utf8')) as {
      pid?: unknown;
    };
    if (typeof owner.pid !== 'number') return null;
    process.kill(owner.pid, 0);
    return owner.pid;
  } catch {
    return null;
  }
}

/**
 * Commands that need the engine talk to the running one through its local socket, so the
 * desktop app or `serve` keeps sole ownership of the database; otherwise they open the data
 * directory themselves (without starting schedules).
 */
export async function withEngine<T>(dataDir: string, fn: (call: Call) => Promise<T>): Promise<T> {
  const socket = localSocketPath(dataDir);
  if (runningEnginePid(dataDir) !== null && (process.platform === 'win32' || existsSync(socket))) {
    return fn((method, input) => callLocalSocket(socket, method, input));
  }
  let engine: Engine;
  try {
    // Loaded here, not at the top: `validate`, `preview` and `help` never pay for the engine.
    const { openHostEngine } = await import('../engine');
    engine = await openHostEngine({ dataDir, host: 'cli', run: false });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  try {
    return await fn((method, input) => engine.call(method, input, cliCaller()));
  } finally {
    await engine.close();
  }
}

export function unwrap<M extends ApiMethod>(_method: M, result: DispatchResult): ApiOutputs[M] {
  if (result.ok) return result.result as ApiOutputs[M];
  const issues = result.error.issues?.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  throw new CliError(`${result.error.message}${issues ? `\n${issues}` : ''}`, 1);
}
