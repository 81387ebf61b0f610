import { ApiError, httpStatusFor } from '../../../shared/api/errors';
import { CodedError } from '../errors/coded-error';

/** A lifecycle step refused (the API answers it with the same code). */
export class LifecycleError extends CodedError {
  constructor(
    override readonly code: 'NOT_ALLOWED' | 'NOT_FOUND',
    message: string,
  ) {
    super(code, message, false);
    this.name = 'LifecycleError';
  }
}

/**
 * A refusal the caller is answered with (a 4xx: NOT_ALLOWED, INVALID_INPUT, NOT_FOUND …), as
 * opposed to an engine failure: it is not logged as an error.
 */
export function isExpectedRefusal(error: unknown): boolean {
  const code = error instanceof ApiError || error instanceof CodedError ? error.code : undefined;
  if (code === undefined) return false;
  const status = httpStatusFor(code);
  return status >= 400 && status < 500;
}
