import {
  API_METHODS,
  type ApiCaller,
  apiInputSchemas,
  type ApiMethod,
  type HibernatorApi,
} from '../../../shared/api/contract';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { formatPath } from '../../../shared/model';
import { redactErrorTexts, redactStrings } from '../../../shared/security/redact-secrets';
import type { Logger } from '../logging/logger';
import { apiErrorBodyOf } from './api-errors';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export function isApiMethod(method: string): method is ApiMethod {
  return (API_METHODS as string[]).includes(method);
}

/**
 * The one entry point every host uses (IPC, HTTP, local socket, CLI): the method name is
 * checked against the contract, the input parsed with its shared schema, and every failure
 * turned into `{ code, message, issues }` — never a stack trace.
 */
export async function dispatch(
  api: HibernatorApi,
  method: string,
  input: unknown,
  logger?: Logger,
  caller?: ApiCaller,
): Promise<DispatchResult> {
  return redactAnswer(await answer(api, method, input, logger, caller));
}

/**
 * No credential leaves through an answer: error bodies are redacted whole, results where they
 * carry error text (a test's message, a dry run's per-target errors, a plan's last error), so
 * configuration such as a webhook URL still round-trips.
 */
function redactAnswer(result: DispatchResult): DispatchResult {
  return result.ok
    ? { ok: true, result: redactErrorTexts(result.result) }
    : { ok: false, error: redactStrings(result.error) };
}

async function answer(
  api: HibernatorApi,
  method: string,
  input: unknown,
  logger?: Logger,
  caller?: ApiCaller,
): Promise<DispatchResult> {
  if (!isApiMethod(method)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: `There is no API method "${method}".` },
    };
  }
  const parsed = apiInputSchemas[method].safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: formatPath(i.path) || '(body)',
      message: i.message,
    }));
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid input for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  try {
    const call = api[method] as (input: unknown, caller?: ApiCaller) => Promise<unknown>;
    const result = await call.call(api, parsed.data, caller);
    return { ok: true, result };
  } catch (error) {
    const body = apiErrorBodyOf(error);
    if (body !== undefined) return { ok: false, error: body };
    logger?.error('api method failed', {
      method,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. See the engine log.`,
      },
    };
  }
}
