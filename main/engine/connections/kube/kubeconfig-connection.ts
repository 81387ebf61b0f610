import { KubeConfig, type User } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { defaultKubeconfigPaths, expandHome, type KubeEnvironment } from './kubeconfig-paths';
import { mergeKubeconfigs, readKubeconfigFile, type MergedKubeconfig } from './kubeconfig-files';
import { KubeError, type KubeEndpoint } from '../../cloud-errors/kube-errors';

/** `spec.kubeconfig` of a K8SCluster: absent path = the default files, absent context = their current one. */
export interface KubeconfigSource {
  path?: string;
  context?: string;
}

export interface ResolvedKubeconfig {
  kc: KubeConfig;
  endpoint: KubeEndpoint;
  context: string;
}

function readSources(source: KubeconfigSource, environment: KubeEnvironment): MergedKubeconfig {
  if (source.path !== undefined) {
    const file = expandHome(source.path, environment);
    return mergeKubeconfigs([{ file, kc: readKubeconfigFile(file) }]);
  }
  const candidates = defaultKubeconfigPaths(environment);
  const present = candidates.filter((f) => existsSync(f));
  if (present.length === 0) {
    const where =
      candidates.length === 0
        ? 'no KUBECONFIG is set and there is no home directory'
        : `${candidates.join(', ')} ${candidates.length === 1 ? 'does' : 'do'} not exist`;
    throw new KubeError(
      'KUBECONFIG_NOT_FOUND',
      `no kubeconfig file found (${where}): set spec.kubeconfig.path, or create one with your cluster's login tool`,
      false,
    );
  }
  return mergeKubeconfigs(present.map((file) => ({ file, kc: readKubeconfigFile(file) })));
}

function filesLabel(merged: MergedKubeconfig): string {
  return merged.files.join(', ');
}

/**
 * An exec plugin (aws, gke-gcloud-auth-plugin, kubelogin) must see the user's login-shell
 * environment (PATH, AWS_PROFILE, SSO caches), not the desktop app's bare one. client-node runs
 * it with process.env plus `exec.env`, so the login environment goes into `exec.env`, before
 * the kubeconfig's own entries so that those still win.
 */
function withLoginEnvironment(user: User, env: NodeJS.ProcessEnv | undefined): User {
  const exec: unknown = user.exec;
  if (env === undefined || typeof exec !== 'object' || exec === null) return user;
  const own: unknown = (exec as Record<string, unknown>).env;
  const login = Object.entries(env)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => ({ name, value }));
  return {
    ...user,
    exec: {
      ...(exec as Record<string, unknown>),
      env: [...login, ...(Array.isArray(own) ? own : [])],
    },
  };
}

/** The client-node configuration of a kubeconfig connection, or a KubeError naming the file and what is wrong. */
export function resolveKubeconfig(
  source: KubeconfigSource,
  environment: KubeEnvironment = {},
): ResolvedKubeconfig {
  const merged = readSources(source, environment);
  const contextName = source.context ?? merged.currentContext;
  const names = merged.contexts.map((c) => c.name);
  const available = names.length === 0 ? 'it defines no contexts' : `it has: ${names.join(', ')}`;
  if (contextName === undefined) {
    throw new KubeError(
      'KUBE_NO_CONTEXT',
      `${filesLabel(merged)} has no current-context: pick a context for this connection (${available})`,
      false,
    );
  }
  const context = merged.contexts.find((c) => c.name === contextName);
  if (context === undefined) {
    throw new KubeError(
      'KUBE_CONTEXT_NOT_FOUND',
      `context "${contextName}" is not in ${filesLabel(merged)} (${available})`,
      false,
    );
  }
  const cluster = merged.clusters.find((c) => c.name === context.cluster);
  if (cluster === undefined) {
    throw new KubeError(
      'KUBECONFIG_INVALID',
      `context "${contextName}" in ${context.file} names cluster "${context.cluster}", which no kubeconfig file defines`,
      false,
    );
  }
  const user = merged.users.find((u) => u.name === context.user);
  if (user === undefined) {
    throw new KubeError(
      'KUBECONFIG_INVALID',
      `context "${contextName}" in ${context.file} names user "${context.user}", which no kubeconfig file defines`,
      false,
    );
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [withLoginEnvironment(user, environment.env)],
    contexts: [context],
    currentContext: context.name,
  });
  return {
    kc,
    context: context.name,
    endpoint: {
      server: cluster.server,
      description: `context "${context.name}" in ${context.file}`,
    },
  };
}
