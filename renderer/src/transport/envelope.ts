import { ApiError, isApiErrorBody } from '../../../shared/api';

/**
 * The engine answers `{ ok: true, result }` or `{ ok: false, error }` over both IPC and HTTP.
 * Anything else means the other side is not a Hibernator engine (or a proxy answered).
 */
export function unwrapEnvelope(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    if (value.ok === true && 'result' in value) return value.result;
    if (value.ok === false && 'error' in value && isApiErrorBody(value.error)) {
      const { code, message, issues } = value.error;
      throw new ApiError(code, message, Array.isArray(issues) ? issues : undefined);
    }
  }
  throw new ApiError(
    'BAD_RESPONSE',
    'The engine sent an answer the window does not understand; restart Hibernator.',
  );
}

/** Any thrown value as an ApiError, so views show one kind of error. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('INTERNAL', message);
}
