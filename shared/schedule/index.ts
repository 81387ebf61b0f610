export * from './types';
export * from './errors';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SECOND_MS,
  type WallClock,
  fromWallClock,
  isValidTimeZone,
  toWallClock,
} from './zoned-time';
export { evaluate, explainAt, type Explanation } from './evaluate';
export { upcoming, UPCOMING_HORIZON_DAYS } from './upcoming';
export {
  ALL_DAY_WINDOW,
  API_VERSION,
  MAX_EXCEPTION_MS,
  REASON_ANNOTATION,
  hibernateUntil,
  keepAwakeFor,
  keepAwakeUntilTomorrow,
  skipNextHibernation,
  wakeUntil,
} from './shortcuts';
export { intervals, weekPicture, type DayInterval, type DayPicture } from './week-picture';
export {
  evaluateDesired,
  overrideEndMs,
  overrideInEffect,
  scheduledSleepMs,
  upcomingDesired,
  type DesiredEvaluation,
} from './desired';
