/**
 * Runs the Kubernetes emulator on its own, seeded with the sandbox cluster:
 *   npx tsx test/cloud/kube/main.ts [--port 6443] [--http] [--kubeconfig path] [--replica-delay-ms 2000] [--node-delay-ms 5000]
 * Prints the kubeconfig path it writes; `kubectl --kubeconfig <path> get deploy -A` then works.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKubeEmulator } from './kube-emulator';
import { sandboxSeed } from './sandbox-seed';

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      http: { type: 'boolean', default: false },
      kubeconfig: { type: 'string' },
      'replica-delay-ms': { type: 'string' },
      'node-delay-ms': { type: 'string' },
      context: { type: 'string' },
    },
  });
  const emulator = await startKubeEmulator({
    port: intOption(values.port, 'port') ?? 0,
    https: values.http !== true,
    seed: sandboxSeed(),
    replicaDelayMs: intOption(values['replica-delay-ms'], 'replica-delay-ms') ?? 2000,
    nodeDelayMs: intOption(values['node-delay-ms'], 'node-delay-ms') ?? 5000,
  });
  const path =
    values.kubeconfig ?? join(mkdtempSync(join(tmpdir(), 'kube-emulator-')), 'kubeconfig');
  writeFileSync(path, emulator.kubeconfig(values.context ?? 'hibernator-sandbox'), { mode: 0o600 });
  console.log(`Kubernetes emulator listening on ${emulator.url}`);
  console.log(`kubeconfig: ${path}`);
  console.log(`try: kubectl --kubeconfig ${path} get deploy -A`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
