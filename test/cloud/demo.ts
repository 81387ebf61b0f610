/**
 * `npm run demo`: a sandbox with no cloud account. Starts the loopback AWS and Kubernetes
 * emulators with seeded resources, points connections at them, imports sample plans and runs
 * `hibernator serve` with the UI. Everything lives in a temporary directory and disappears on exit.
 *
 * Options: --port N (default 4680; 0 = any free port), --no-open, --data-dir DIR (keep state).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServeHost } from '../../main/server/serve-host';
import { awsDemoConnection, awsDemoPlans, writeDemoAwsCredentials } from '../aws/demo-objects';
import { startAwsEmulator } from './aws';
import { sandboxSeed as awsSandboxSeed } from './aws/sandbox-seed';
import { startKubeEmulator, sandboxSeed as kubeSandboxSeed } from './kube';
import { kubeDemoConnection, kubeDemoPlan } from '../kube/demo-objects';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4680' },
    'no-open': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});

const work = mkdtempSync(join(tmpdir(), 'hibernator-demo-'));
const dataDir = values['data-dir'] ?? join(work, 'data');

const kube = await startKubeEmulator({
  https: true,
  seed: kubeSandboxSeed(),
  replicaDelayMs: 1500,
  nodeDelayMs: 3000,
});
const kubeconfigPath = join(work, 'kubeconfig.yaml');
writeFileSync(kubeconfigPath, kube.kubeconfig('sandbox'), { mode: 0o600 });
const aws = await startAwsEmulator({
  seed: awsSandboxSeed({
    eksEndpoint: kube.url,
    ...(kube.caData ? { eksCertificateAuthority: kube.caData } : {}),
  }),
  transitionMs: 3000,
});
// The sandbox profile's static keys, in files of their own: the user's ~/.aws is never touched.
Object.assign(process.env, writeDemoAwsCredentials(work));

const host = await startServeHost({
  dataDir,
  port: Number(values.port),
  open: !values['no-open'],
  log: (line) => console.log(line),
});

const objects = [
  awsDemoConnection(aws.url),
  kubeDemoConnection(kubeconfigPath, { context: 'sandbox' }),
  ...awsDemoPlans(),
  kubeDemoPlan(),
];
for (const object of objects) {
  const kind = String(object.kind);
  const method = kind === 'HibernatePlan' ? 'applyPlan' : 'applyConnection';
  const input = kind === 'HibernatePlan' ? { plan: object } : { connection: object };
  const result = await host.engine.call(method, input);
  if (!result.ok) {
    console.error(`demo: could not create ${kind}: ${result.error.message}`);
    for (const issue of result.error.issues ?? [])
      console.error(`  ${issue.path}: ${issue.message}`);
  }
}

console.log('');
console.log('Sandbox ready:');
console.log(
  `  AWS emulator         ${aws.url}  (a dozen EC2 instances, RDS, Aurora, EKS dev-cluster, an ASG)`,
);
console.log(`  Kubernetes emulator  ${kube.url}  (kubeconfig ${kubeconfigPath})`);
console.log(`  data directory       ${dataDir}`);
console.log('Open a plan and click "Hibernate now", then "Wake now". Ctrl-C stops everything.');

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await host.close();
    await aws.close();
    await kube.close();
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  })();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
