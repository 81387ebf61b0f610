import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { applyShellEnv, parseEnvOutput, resolveShellEnv, type RunShell } from './shell-env';

const wrap = (entries: string[]): string =>
  `motd noise\n__HIBERNATOR_ENV_START__${entries.join('\0')}\0__HIBERNATOR_ENV_END__trailing`;

describe('login shell environment', () => {
  it('parses env -0 output between the markers, multi-line values included', () => {
    expect(parseEnvOutput(wrap(['PATH=/usr/local/bin:/usr/bin', 'MULTI=a\nb', 'EQ=x=y']))).toEqual({
      PATH: '/usr/local/bin:/usr/bin',
      MULTI: 'a\nb',
      EQ: 'x=y',
    });
    expect(parseEnvOutput('no markers')).toBeUndefined();
  });

  it('merges the login shell over the process environment, without shell bookkeeping', async () => {
    const seen: string[][] = [];
    const run: RunShell = async (shell, args) => {
      seen.push([shell, ...args]);
      return wrap([
        'PATH=/opt/homebrew/bin:/usr/bin',
        'AWS_PROFILE=dev',
        'SHLVL=2',
        'HOME=/Users/u',
      ]);
    };
    const logger = createMemoryLogger();
    const result = await resolveShellEnv({
      platform: 'darwin',
      baseEnv: { SHELL: '/bin/zsh', PATH: '/usr/bin', HOME: '/Users/u' },
      run,
      logger,
    });
    expect(seen[0]?.slice(0, 2)).toEqual(['/bin/zsh', '-ilc']);
    expect(result.source).toBe('login-shell');
    expect(result.env).toEqual({
      SHELL: '/bin/zsh',
      PATH: '/opt/homebrew/bin:/usr/bin',
      HOME: '/Users/u',
      AWS_PROFILE: 'dev',
    });
    expect(result.changed).toEqual(['AWS_PROFILE', 'PATH']);
    // Names and counts only: values (tokens, keys) never reach the log.
    expect(JSON.stringify(logger.lines)).not.toContain('/opt/homebrew');
    const target: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    applyShellEnv(result, target);
    expect(target).toEqual({ PATH: '/opt/homebrew/bin:/usr/bin', AWS_PROFILE: 'dev' });
  });

  it('falls back silently, saying why: Windows, no SHELL, a failing or silent shell', async () => {
    const base = { SHELL: '/bin/bash', PATH: '/usr/bin' };
    expect(await resolveShellEnv({ platform: 'win32', baseEnv: base })).toMatchObject({
      source: 'process',
      reason: expect.stringContaining('Windows'),
      env: base,
    });
    expect(
      await resolveShellEnv({ platform: 'linux', baseEnv: { PATH: '/usr/bin' } }),
    ).toMatchObject({ source: 'process', reason: 'SHELL is not set' });
    const failing: RunShell = async () => {
      throw new Error('Command failed: timed out');
    };
    expect(await resolveShellEnv({ platform: 'linux', baseEnv: base, run: failing })).toMatchObject(
      { source: 'process', reason: '/bin/bash -ilc failed: Command failed: timed out' },
    );
    expect(
      await resolveShellEnv({ platform: 'linux', baseEnv: base, run: async () => '' }),
    ).toMatchObject({ source: 'process', reason: '/bin/bash printed no environment' });
  });

  it('reads a real login shell on this machine', async () => {
    const result = await resolveShellEnv({
      platform: 'linux',
      baseEnv: { ...process.env, SHELL: '/bin/sh' },
      timeoutMs: 5000,
    });
    expect(result.source).toBe('login-shell');
    expect(result.env.PATH).toBeTruthy();
  });
});
