import type { ZodType } from 'zod';
import { CodedError } from '../errors/coded-error';

export class StoredDataError extends CodedError {
  constructor(message: string) {
    super('STORED_DATA_INVALID', message);
  }
}

/**
 * Rows written by an older version (or edited by hand) are parsed like any other input that
 * crosses a boundary; a row that does not parse is reported by name instead of crashing later.
 */
export function parseStoredJson<T>(schema: ZodType<T>, json: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new StoredDataError(`The stored ${what} is not valid JSON; re-apply it or delete it.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first ? first.path.join('.') : '';
    throw new StoredDataError(
      `The stored ${what} does not match this version's model (${path}: ${first?.message}); re-apply it.`,
    );
  }
  return parsed.data;
}
