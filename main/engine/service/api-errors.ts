import { ApiError, type ApiErrorBody } from '../../../shared/api/errors';
import { CodedError } from '../errors/coded-error';
import { LifecycleError } from '../lifecycle/plan-runner';

/**
 * The one place where engine errors become the API's `{ code, message, issues }`: an ApiError
 * keeps its issues, every coded error (stores, restore points, executors, connections) keeps its
 * code. Anything else is a bug, which `dispatch` reports as INTERNAL and logs.
 */
export function apiErrorBodyOf(error: unknown): ApiErrorBody | undefined {
  if (error instanceof ApiError) return error.toBody();
  // TODO(issue 11): LifecycleError extends CodedError once the plan-runner split has landed.
  if (error instanceof CodedError || error instanceof LifecycleError)
    return { code: error.code, message: error.message };
  return undefined;
}
