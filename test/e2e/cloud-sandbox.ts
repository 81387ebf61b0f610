import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PROFILE, writeDemoAwsCredentials } from '../aws/demo-objects';
import { type AwsEmulator, SANDBOX_REGION, sandboxSeed, startAwsEmulator } from '../cloud/aws';
import {
  type KubeEmulator,
  sandboxSeed as kubeSandboxSeed,
  startKubeEmulator,
} from '../cloud/kube';
import { test as base } from './fixtures';
import { startServe } from './serve-process';

/** The kubeconfig context the Kubernetes emulator writes (and the connection picks). */
export const SANDBOX_CONTEXT = 'sandbox';

/**
 * Both loopback emulators, running in the test process so that a test reads their state
 * directly, and the files `hibernator serve` needs to reach them: the sandbox AWS profile and a
 * kubeconfig. Nothing of the user's own ~/.aws or ~/.kube is read.
 */
export interface CloudSandbox {
  aws: AwsEmulator;
  kube: KubeEmulator;
  /** The AWS profile holding the sandbox keys. */
  profile: string;
  region: string;
  kubeconfigPath: string;
  /** Environment of the `serve` child: AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, KUBECONFIG. */
  env: Record<string, string>;
}

async function startSandbox(dir: string): Promise<CloudSandbox> {
  const kube = await startKubeEmulator({
    https: true,
    seed: kubeSandboxSeed(),
    replicaDelayMs: 300,
  });
  const aws = await startAwsEmulator({ seed: sandboxSeed(), transitionMs: 500 });
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfigPath, kube.kubeconfig(SANDBOX_CONTEXT), { mode: 0o600 });
  const awsFiles = writeDemoAwsCredentials(join(dir, 'aws'));
  return {
    aws,
    kube,
    profile: DEMO_PROFILE,
    region: SANDBOX_REGION,
    kubeconfigPath,
    // Only these: AWS_PROFILE or keys in the runner's environment would compete with the profile.
    env: {
      ...awsFiles,
      KUBECONFIG: kubeconfigPath,
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
    },
  };
}

/** `test` whose `serve` runs against a fresh sandbox of both emulators. */
export const cloudTest = base.extend<{ sandbox: CloudSandbox }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  sandbox: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hibernator-sandbox-'));
    const sandbox = await startSandbox(dir);
    try {
      await use(sandbox);
    } finally {
      await sandbox.aws.close();
      await sandbox.kube.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  serve: async ({ dataDir, sandbox }, use) => {
    const serve = await startServe(dataDir, sandbox.env);
    try {
      await use(serve);
    } finally {
      await serve.stop();
    }
  },
});

/** EC2 instance states of the sandbox account, by instance id. */
export function instanceStates(aws: AwsEmulator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of aws.region()?.ec2.instances ?? []) out[i.instanceId] = i.state;
  return out;
}

/** `spec.replicas` of every Deployment in `namespace`, by name. */
export function deploymentReplicas(kube: KubeEmulator, namespace: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of kube.state()['apps/deployments'] ?? []) {
    if (d.metadata.namespace !== namespace) continue;
    const spec: unknown = d.spec;
    const replicas =
      typeof spec === 'object' && spec !== null && 'replicas' in spec ? spec.replicas : undefined;
    out[d.metadata.name] = typeof replicas === 'number' ? replicas : -1;
  }
  return out;
}
