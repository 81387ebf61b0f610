import { describe, expect, it } from 'vitest';
import { type TokenEnvironment, TOKEN_STORAGE_KEY, forgetToken, takeToken } from './token';

function env(hash: string, stored: Record<string, string> = {}) {
  const data = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const e: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
        void replaced.push(String(url)),
    },
    storage: {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    },
  };
  return { e, data, replaced };
}

describe('serve token', () => {
  it('takes the token from the fragment, stores it and removes it from the address bar', () => {
    const { e, data, replaced } = env('#token=abc-123');
    expect(takeToken(e)).toBe('abc-123');
    expect(data.get(TOKEN_STORAGE_KEY)).toBe('abc-123');
    expect(replaced).toEqual(['/#/']);
  });

  it('falls back to the stored token after a reload', () => {
    const { e, replaced } = env('#/plans', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeToken(e)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the URL over the stored one', () => {
    const { e } = env('#token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeToken(e)).toBe('new');
  });

  it('returns null when there is no token anywhere, and after forgetting it', () => {
    expect(takeToken(env('').e)).toBeNull();
    const { e } = env('', { [TOKEN_STORAGE_KEY]: 'x' });
    forgetToken(e);
    expect(takeToken(e)).toBeNull();
  });
});
