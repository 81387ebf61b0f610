import { hostname, userInfo } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { localUser } from './local-user';

vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return { ...os, userInfo: vi.fn(os.userInfo), hostname: vi.fn(os.hostname) };
});

describe('localUser', () => {
  it('names the account and the machine as user@host', () => {
    vi.mocked(userInfo).mockReturnValueOnce({
      username: 'ana',
      uid: 1,
      gid: 1,
      shell: null,
      homedir: '/home/ana',
    });
    vi.mocked(hostname).mockReturnValueOnce('laptop');
    expect(localUser()).toBe('ana@laptop');
  });

  it('is unknown when the OS has no entry for the account', () => {
    vi.mocked(userInfo).mockImplementationOnce(() => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    });
    expect(localUser()).toBeNull();
  });
});
