import { ApiError, type ApiErrorBody } from '../../../shared/api/errors';
import { CodedError } from '../errors/coded-error';

/**
 * The one place where engine errors become the API's `{ code, message, issues }`: an ApiError
 * keeps its issues, every coded error (stores, restore points, executors, connections) keeps its
 * code. Anything else is a bug, which `dispatch` reports as INTERNAL and logs.
 */
export function apiErrorBodyOf(error: unknown): ApiErrorBody | undefined {
  if (error instanceof ApiError) return error.toBody();
  if (error instanceof CodedError) return { code: error.code, message: error.message };
  return undefined;
}
