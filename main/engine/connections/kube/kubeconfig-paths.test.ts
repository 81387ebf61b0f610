import { describe, expect, it } from 'vitest';
import { defaultKubeconfigPaths, expandHome, homeDirectory } from './kubeconfig-paths';

describe('defaultKubeconfigPaths', () => {
  it('reads every KUBECONFIG entry in order, separated by ":" on Linux and macOS', () => {
    const env = { KUBECONFIG: '/a/config::~/b.yaml:/a/config', HOME: '/home/me' };
    expect(defaultKubeconfigPaths({ env, platform: 'linux' })).toEqual([
      '/a/config',
      '/home/me/b.yaml',
    ]);
    expect(defaultKubeconfigPaths({ env, platform: 'darwin' })).toEqual([
      '/a/config',
      '/home/me/b.yaml',
    ]);
  });

  it('separates KUBECONFIG entries by ";" on Windows, where ":" belongs to drive letters', () => {
    const env = { KUBECONFIG: 'C:\\kube\\one;D:\\two', USERPROFILE: 'C:\\Users\\me' };
    expect(defaultKubeconfigPaths({ env, platform: 'win32' })).toEqual([
      'C:\\kube\\one',
      'D:\\two',
    ]);
  });

  it('falls back to ~/.kube/config without KUBECONFIG', () => {
    expect(defaultKubeconfigPaths({ env: { HOME: '/home/me' }, platform: 'linux' })).toEqual([
      '/home/me/.kube/config',
    ]);
    expect(
      defaultKubeconfigPaths({ env: { KUBECONFIG: '  ', HOME: '/home/me' }, platform: 'linux' }),
    ).toEqual(['/home/me/.kube/config']);
    expect(
      defaultKubeconfigPaths({ env: { USERPROFILE: 'C:\\Users\\me' }, platform: 'win32' }),
    ).toEqual(['C:\\Users\\me\\.kube\\config']);
  });

  it('finds nothing without KUBECONFIG and without a home directory', () => {
    expect(defaultKubeconfigPaths({ env: {}, platform: 'linux' })).toEqual([]);
  });
});

describe('home directory', () => {
  it('prefers HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH on Windows', () => {
    expect(homeDirectory({ env: { HOME: 'C:\\h', USERPROFILE: 'C:\\u' }, platform: 'win32' })).toBe(
      'C:\\h',
    );
    expect(
      homeDirectory({ env: { HOMEDRIVE: 'C:', HOMEPATH: '\\Users\\me' }, platform: 'win32' }),
    ).toBe('C:\\Users\\me');
    expect(homeDirectory({ env: { USERPROFILE: 'C:\\u' }, platform: 'linux' })).toBeUndefined();
  });

  it('expands a leading ~ only', () => {
    expect(expandHome('~/.kube/dev', { env: { HOME: '/home/me' }, platform: 'linux' })).toBe(
      '/home/me/.kube/dev',
    );
    expect(expandHome('/srv/~/x', { env: { HOME: '/home/me' }, platform: 'linux' })).toBe(
      '/srv/~/x',
    );
  });
});
