export type ScheduleErrorCode =
  | 'INVALID_TIMEZONE'
  | 'INVALID_TIME'
  | 'INVALID_DAY'
  | 'INVALID_WINDOW'
  | 'INVALID_DATE'
  | 'INVALID_DURATION'
  | 'INVALID_ARGUMENT'
  | 'NO_UPCOMING_HIBERNATION'
  | 'ALREADY_AWAKE'
  | 'ALREADY_HIBERNATED'
  | 'BLOCKED_BY_SUSPEND';

/**
 * The engine's only error: a stable `code` plus a message that names the offending field and
 * says what to change. Callers map it onto their own error bodies (ApiError etc.).
 */
export class ScheduleError extends Error {
  readonly code: ScheduleErrorCode;
  constructor(code: ScheduleErrorCode, message: string) {
    super(message);
    this.name = 'ScheduleError';
    this.code = code;
  }
}

export function isScheduleError(value: unknown): value is ScheduleError {
  return value instanceof ScheduleError;
}
