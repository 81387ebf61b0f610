import type { Issue } from '../model';

/**
 * The error every host returns: a stable code, a message a user can act on and, for invalid
 * input, the field-level issues. Serialised as `{ code, message, issues }` over IPC and HTTP.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  issues?: Issue[];
}

export class ApiError extends Error {
  readonly code: string;
  readonly issues: Issue[] | undefined;
  constructor(code: string, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** HTTP status for an error code: unknown codes are server errors, the rest are the caller's. */
export function httpStatusFor(code: string): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'INVALID_PLAN':
    case 'INVALID_YAML':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'NOT_ALLOWED':
    case 'CONFLICT':
      return 409;
    default:
      return 500;
  }
}
