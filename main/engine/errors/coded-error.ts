/**
 * The one error base of the engine: a stable `code` a caller can branch on, a message a user can
 * act on, and whether trying again later can succeed. Connections, executors, the lifecycle and
 * the stores throw it (or a subclass); the service maps it to the API's error body in one place
 * (service/api-errors.ts).
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Throttling, 5xx, timeouts, network: retried automatically. Access denied, validation: not. */
    readonly transient = false,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export interface ClassifiedError {
  code: string;
  message: string;
  /** Throttling, 5xx, timeouts, network: retried automatically. Access denied, validation: not. */
  transient: boolean;
}

const TRANSIENT_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'TimeoutError',
]);

/**
 * Default classification from the error codes the SDKs use: AWS SDK v3 errors carry `name` and
 * `$metadata.httpStatusCode`; Kubernetes ApiException carries `code` (the HTTP status); Node
 * network errors carry `code`.
 */
export function classifyCommonError(error: unknown): ClassifiedError {
  if (error instanceof CodedError)
    return { code: error.code, message: error.message, transient: error.transient };
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = error instanceof Error ? error.message : String(error);
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const metadata = e.$metadata as { httpStatusCode?: number } | undefined;
  const status =
    typeof metadata?.httpStatusCode === 'number'
      ? metadata.httpStatusCode
      : typeof e.code === 'number'
        ? e.code
        : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : name;
  if (TRANSIENT_CODES.has(code) || TRANSIENT_CODES.has(name))
    return { code, message, transient: true };
  if (status !== undefined && (status >= 500 || status === 429))
    return { code: code || `HTTP_${status}`, message, transient: true };
  if (name === 'AbortError')
    return { code: 'ABORTED', message: 'The operation was cancelled.', transient: true };
  return { code, message, transient: false };
}
