import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { KubeContextInfo } from '../../../../shared/api/contract';
import { KubeError } from '../../cloud-errors/kube-errors';

/** Several kubeconfig files seen as one, the way kubectl merges KUBECONFIG: the first definition of a name wins. */
export interface MergedKubeconfig {
  files: string[];
  clusters: Cluster[];
  users: User[];
  contexts: Array<Context & { file: string }>;
  /** The first file's `current-context` that is set. */
  currentContext?: string;
  currentContextFile?: string;
}

/**
 * kubectl runs a relative exec command (`./bin/token-helper`) from the kubeconfig's directory;
 * client-node would run it from the app's working directory, so it is made absolute here.
 */
function absoluteExecCommand(user: User, directory: string): User {
  const exec: unknown = user.exec;
  if (typeof exec !== 'object' || exec === null) return user;
  const command = (exec as Record<string, unknown>).command;
  if (typeof command !== 'string' || isAbsolute(command) || !/[\\/]/.test(command)) return user;
  return {
    ...user,
    exec: { ...(exec as Record<string, unknown>), command: join(directory, command) },
  };
}

/** One kubeconfig file through client-node (relative certificate paths resolved against the file). */
export function readKubeconfigFile(file: string): KubeConfig {
  if (!existsSync(file))
    throw new KubeError(
      'KUBECONFIG_NOT_FOUND',
      `the kubeconfig file ${file} does not exist: check the path, or pick another file`,
      false,
    );
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KubeError(
      'KUBECONFIG_INVALID',
      `${file} is not a valid kubeconfig: ${reason}`,
      false,
    );
  }
  kc.loadFromOptions({
    clusters: kc.getClusters(),
    users: kc.getUsers().map((u) => absoluteExecCommand(u, dirname(file))),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
  });
  return kc;
}

function addFirst<T extends { name: string }>(into: T[], items: readonly T[]): void {
  for (const item of items) if (!into.some((x) => x.name === item.name)) into.push(item);
}

export function mergeKubeconfigs(files: Array<{ file: string; kc: KubeConfig }>): MergedKubeconfig {
  const merged: MergedKubeconfig = {
    files: files.map((f) => f.file),
    clusters: [],
    users: [],
    contexts: [],
  };
  for (const { file, kc } of files) {
    addFirst(merged.clusters, kc.getClusters());
    addFirst(merged.users, kc.getUsers());
    addFirst(
      merged.contexts,
      kc.getContexts().map((c) => ({ ...c, file })),
    );
    const current = kc.getCurrentContext();
    if (merged.currentContext === undefined && typeof current === 'string' && current !== '') {
      merged.currentContext = current;
      merged.currentContextFile = file;
    }
  }
  return merged;
}

function execCommand(user: User | undefined): string | undefined {
  const exec: unknown = user?.exec;
  if (typeof exec !== 'object' || exec === null) return undefined;
  const command = (exec as Record<string, unknown>).command;
  return typeof command === 'string' ? (command.split(/[\\/]/).pop() ?? command) : undefined;
}

export function contextInfos(merged: MergedKubeconfig): KubeContextInfo[] {
  return merged.contexts.map((c) => {
    const cluster = merged.clusters.find((x) => x.name === c.cluster);
    const user = merged.users.find((x) => x.name === c.user);
    const exec = execCommand(user);
    return {
      file: c.file,
      context: c.name,
      cluster: c.cluster,
      user: c.user,
      ...(c.namespace ? { namespace: c.namespace } : {}),
      ...(cluster?.server ? { server: cluster.server } : {}),
      current: c.name === merged.currentContext,
      ...(exec ? { exec } : {}),
    };
  });
}

/**
 * The contexts of the given kubeconfig files (KUBECONFIG or ~/.kube/config), merged as kubectl
 * merges them. Missing files are skipped, as kubectl skips them; an unreadable file is reported
 * through `onSkipped` and skipped, so one broken file does not hide the others.
 */
export function listContextsIn(
  files: readonly string[],
  onSkipped: (file: string, reason: string) => void = () => undefined,
): KubeContextInfo[] {
  const read: Array<{ file: string; kc: KubeConfig }> = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      read.push({ file, kc: readKubeconfigFile(file) });
    } catch (error) {
      onSkipped(file, error instanceof Error ? error.message : String(error));
    }
  }
  return contextInfos(mergeKubeconfigs(read));
}
