/** Where the serve token is kept for the tab's lifetime: a reload keeps working, a new tab needs the URL. */
export const TOKEN_STORAGE_KEY = 'hibernator.serveToken';

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const TOKEN_IN_HASH = /^#(?:.*&)?token=([^&]+)/;

/**
 * The token `hibernator serve` puts in the URL fragment (`#token=…`): taken once, kept in
 * sessionStorage and removed from the address bar so it is not bookmarked, shared or shown
 * over someone's shoulder. Returns null when there is none.
 */
export function takeToken(env: TokenEnvironment): string | null {
  const match = TOKEN_IN_HASH.exec(env.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    env.storage.setItem(TOKEN_STORAGE_KEY, token);
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${env.location.search}#/`,
    );
    return token;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

/** A refused token is dropped, so a reload shows the "open the printed URL" screen instead of failing again. */
export function forgetToken(env: Pick<TokenEnvironment, 'storage'>): void {
  env.storage.removeItem(TOKEN_STORAGE_KEY);
}
