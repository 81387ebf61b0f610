import { AwsError } from './aws-error';

/**
 * Opaque page tokens. AWS tokens are opaque strings; ours encode an offset into the (stable,
 * insertion-ordered) result list, with a prefix per listing so a token from one call cannot be
 * replayed against another.
 */
export function encodeToken(listing: string, offset: number): string {
  return Buffer.from(`${listing}:${offset}`, 'utf8').toString('base64url');
}

export function decodeToken(
  listing: string,
  token: string | undefined,
  invalid: () => AwsError,
): number {
  if (token === undefined || token === '') return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const prefix = `${listing}:`;
  if (!text.startsWith(prefix)) throw invalid();
  const offset = Number(text.slice(prefix.length));
  if (!Number.isInteger(offset) || offset < 0) throw invalid();
  return offset;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  listing: string,
  all: readonly T[],
  offset: number,
  pageSize: number,
): Page<T> {
  const items = all.slice(offset, offset + pageSize);
  const next = offset + items.length;
  return next < all.length ? { items, nextToken: encodeToken(listing, next) } : { items };
}
