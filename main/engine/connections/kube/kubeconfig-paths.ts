import { posix, win32 } from 'node:path';

/** The parts of the machine a kubeconfig lookup depends on; tests and the login-shell environment inject them. */
export interface KubeEnvironment {
  /** The login-shell environment (KUBECONFIG, HOME, PATH for exec plugins). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
}

function pathModule(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

export function homeDirectory({
  env = process.env,
  platform = process.platform,
}: KubeEnvironment = {}): string | undefined {
  if (env.HOME) return env.HOME;
  if (platform !== 'win32') return undefined;
  if (env.USERPROFILE) return env.USERPROFILE;
  return env.HOMEDRIVE && env.HOMEPATH ? win32.join(env.HOMEDRIVE, env.HOMEPATH) : undefined;
}

/** `~/x` → `<home>/x`, as a shell would before kubectl sees it; other paths are made absolute as they are. */
export function expandHome(file: string, environment: KubeEnvironment = {}): string {
  const platform = environment.platform ?? process.platform;
  const home = homeDirectory(environment);
  if (
    home !== undefined &&
    (file === '~' || file.startsWith('~/') || (platform === 'win32' && file.startsWith('~\\')))
  ) {
    return pathModule(platform).join(home, file.slice(1));
  }
  return file;
}

/**
 * The kubeconfig files kubectl would read, in order: every entry of KUBECONFIG (separated by ':',
 * or ';' on Windows; empty entries ignored; duplicates read once), else `~/.kube/config`.
 */
export function defaultKubeconfigPaths(environment: KubeEnvironment = {}): string[] {
  const env = environment.env ?? process.env;
  const platform = environment.platform ?? process.platform;
  const list = env.KUBECONFIG;
  if (list !== undefined && list.trim() !== '') {
    const separator = platform === 'win32' ? ';' : ':';
    const files = list
      .split(separator)
      .map((f) => f.trim())
      .filter((f) => f !== '')
      .map((f) => expandHome(f, environment));
    return [...new Set(files)];
  }
  const home = homeDirectory(environment);
  return home === undefined ? [] : [pathModule(platform).join(home, '.kube', 'config')];
}
