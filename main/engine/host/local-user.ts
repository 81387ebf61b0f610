import { hostname, userInfo } from 'node:os';

/**
 * `user@host` of the OS account this process runs as, which records who set a manual override
 * and tells "by you" from another account's. Null when the OS will not say (userInfo throws for
 * an account without a passwd entry, e.g. some containers).
 */
export function localUser(): string | null {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return null;
  }
}
