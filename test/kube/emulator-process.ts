/**
 * The Kubernetes emulator in a process of its own (test/cloud/kube/main.ts), driven through its
 * `/_emulator/` control API. Benchmarks use it so that the API server's CPU is not counted
 * against the client, as with a real cluster.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../cloud/shared/repo-root';
import type { KubeObject, KubeSeed } from '../cloud/kube';

export interface EmulatorProcess {
  url: string;
  kubeconfigPath: string;
  kubeconfig(): string;
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  state(): Promise<Record<string, KubeObject[]>>;
  close(): Promise<void>;
}

const MAIN = join(repoRoot(), 'test/cloud/kube/main.ts');
/** The TypeScript loader this process runs under, by URL, so the child finds it from any working directory. */
const TSX = import.meta.resolve('tsx');

async function control(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the emulator process exited (${code}) before listening: ${output}`)),
    );
  });
}

/** Plain http, no status delays, `latencyMs` added to every API request. */
export async function startEmulatorProcess(options: {
  seed: KubeSeed;
  latencyMs: number;
  dir: string;
}): Promise<EmulatorProcess> {
  const kubeconfigPath = join(options.dir, 'emulator-kubeconfig');
  const child = spawn(
    process.execPath,
    [
      '--import',
      TSX,
      MAIN,
      '--http',
      '--replica-delay-ms',
      '0',
      '--node-delay-ms',
      '0',
      '--context',
      'bench',
      '--kubeconfig',
      kubeconfigPath,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await waitForUrl(child);
    await control(url, 'POST', 'seed', options.seed);
    if (options.latencyMs > 0)
      await control(url, 'POST', 'faults', { operation: '*', latencyMs: options.latencyMs });
    return {
      url,
      kubeconfigPath,
      kubeconfig: () => readFileSync(kubeconfigPath, 'utf8'),
      calls: async () => (await control(url, 'GET', 'calls')) as Record<string, number>,
      resetCalls: async () => {
        await control(url, 'DELETE', 'calls');
      },
      state: async () => (await control(url, 'GET', 'state')) as Record<string, KubeObject[]>,
      close: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}
