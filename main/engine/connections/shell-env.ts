import { execFile } from 'node:child_process';
import type { Logger } from '../logging/logger';

/**
 * An app started from the Dock, a desktop menu or at login does not get the environment the
 * user's terminal has (PATH additions for `credential_process` helpers and `aws`, AWS_PROFILE,
 * AWS_CONFIG_FILE, SSO cache locations, KUBECONFIG). So, once at start, the login shell is asked
 * for its environment (`$SHELL -ilc 'env -0'`), which is merged over process.env. Skipped on
 * Windows; on any failure the process environment is used as it is and the reason is logged.
 */
export interface ShellEnvResult {
  env: NodeJS.ProcessEnv;
  source: 'login-shell' | 'process';
  /** Why the login shell was not used, when it was not. */
  reason?: string;
  /** Variables the login shell added or changed (names only). */
  changed: string[];
}

export type RunShell = (
  shell: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number },
) => Promise<string>;

export interface ShellEnvOptions {
  platform?: NodeJS.Platform;
  baseEnv?: NodeJS.ProcessEnv;
  shell?: string;
  timeoutMs?: number;
  logger?: Logger;
  run?: RunShell;
}

const START = '__HIBERNATOR_ENV_START__';
const END = '__HIBERNATOR_ENV_END__';
/** Shell bookkeeping that describes the probe, not the user's session. */
const IGNORED = new Set([
  '_',
  'PWD',
  'OLDPWD',
  'SHLVL',
  'PS1',
  'PS2',
  'PROMPT',
  'RPROMPT',
  'TERM_SESSION_ID',
]);

const runWithExecFile: RunShell = (shell, args, options) =>
  new Promise((resolve, reject) => {
    execFile(
      shell,
      args,
      {
        env: options.env,
        timeout: options.timeoutMs,
        maxBuffer: 10 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout);
      },
    );
  });

/** `env -0` output between the markers (whatever a profile script prints around it is dropped). */
export function parseEnvOutput(output: string): Record<string, string> | undefined {
  const start = output.indexOf(START);
  const end = output.indexOf(END, start + START.length);
  if (start < 0 || end < 0) return undefined;
  const body = output.slice(start + START.length, end);
  const env: Record<string, string> = {};
  for (const entry of body.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const name = entry.slice(0, eq).replace(/^\n+/, '');
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) env[name] = entry.slice(eq + 1);
  }
  return env;
}

export async function resolveShellEnv(options: ShellEnvOptions = {}): Promise<ShellEnvResult> {
  const base = options.baseEnv ?? process.env;
  const platform = options.platform ?? process.platform;
  const fallback = (reason: string): ShellEnvResult => {
    options.logger?.info('using the process environment, not the login shell', { reason });
    return { env: { ...base }, source: 'process', reason, changed: [] };
  };
  if (platform === 'win32') return fallback('Windows has no login shell to ask');
  const shell = options.shell ?? base.SHELL;
  if (!shell) return fallback('SHELL is not set');
  const script = `printf '%s' '${START}'; env -0; printf '%s' '${END}'`;
  // Oh My Zsh and friends: no update prompt, no tmux auto-start inside the probe.
  const probeEnv = {
    ...base,
    DISABLE_AUTO_UPDATE: 'true',
    ZSH_TMUX_AUTOSTARTED: 'true',
    ZSH_TMUX_AUTOSTART: 'false',
  };
  let output: string;
  try {
    output = await (options.run ?? runWithExecFile)(shell, ['-ilc', script], {
      env: probeEnv,
      timeoutMs: options.timeoutMs ?? 5000,
    });
  } catch (error) {
    return fallback(
      `${shell} -ilc failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const parsed = parseEnvOutput(output);
  if (parsed === undefined || Object.keys(parsed).length === 0)
    return fallback(`${shell} printed no environment`);
  const env: NodeJS.ProcessEnv = { ...base };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (IGNORED.has(name) || base[name] === value) continue;
    env[name] = value;
    changed.push(name);
  }
  options.logger?.info('loaded the login shell environment', {
    shell,
    variables: Object.keys(parsed).length,
    changed: changed.length,
  });
  return { env, source: 'login-shell', changed: changed.sort() };
}

/**
 * The AWS SDK reads some settings from process.env itself (HOME for the SSO token cache, PATH
 * for `credential_process`), so the host copies the resolved variables in once, at start.
 */
export function applyShellEnv(
  result: ShellEnvResult,
  target: NodeJS.ProcessEnv = process.env,
): void {
  for (const name of result.changed) target[name] = result.env[name];
}
