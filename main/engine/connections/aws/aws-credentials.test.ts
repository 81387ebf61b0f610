import { describe, expect, it } from 'vitest';
import { memoizeCredentials } from './aws-credentials';

describe('shared credential resolution', () => {
  it('resolves once for every client and again shortly before expiry', async () => {
    let now = 0;
    let calls = 0;
    const provider = memoizeCredentials(
      async () => {
        calls += 1;
        return { accessKeyId: `k${calls}`, secretAccessKey: 's', expiration: new Date(3_600_000) };
      },
      () => now,
    );
    await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(1);
    now = 3_600_000 - 4 * 60_000;
    expect((await provider()).accessKeyId).toBe('k2');
  });

  it('does not keep a failure: the next call tries again', async () => {
    let fail = true;
    const provider = memoizeCredentials(async () => {
      if (fail) throw new Error('SSO expired');
      return { accessKeyId: 'k', secretAccessKey: 's' };
    });
    await expect(provider()).rejects.toThrow('SSO expired');
    fail = false;
    expect((await provider()).accessKeyId).toBe('k');
  });
});
