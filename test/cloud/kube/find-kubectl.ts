/**
 * Finds a kubectl that runs on this machine without network access: `$KUBECTL` if set, else
 * `kubectl` on PATH. Returns why none was found so a test can skip with a reason.
 */
import { spawnSync } from 'node:child_process';

export type KubectlLookup =
  { ok: true; path: string; version: string } | { ok: false; reason: string };

export function findKubectl(): KubectlLookup {
  const candidates = [process.env.KUBECTL, 'kubectl'].filter(
    (c): c is string => c !== undefined && c !== '',
  );
  const problems: string[] = [];
  for (const path of candidates) {
    const run = spawnSync(path, ['version', '--client'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, KUBECONFIG: '/dev/null' },
    });
    if (run.error !== undefined) {
      problems.push(`${path}: ${run.error.message}`);
    } else if (run.status !== 0) {
      problems.push(`${path}: exited ${String(run.status)}: ${run.stderr.trim().slice(0, 200)}`);
    } else {
      return { ok: true, path, version: run.stdout.trim().split('\n')[0] ?? '' };
    }
  }
  return {
    ok: false,
    reason: `no working kubectl (${problems.join('; ')}); install one, e.g. \`apt-get install -y kubernetes-client\` on Debian bookworm, or set KUBECTL=/path/to/kubectl`,
  };
}
