export * from './constants';
export * from './connection';
export { DurationSchema } from './duration';
export * from './exception';
export { friendlyErrorMap } from './friendly-messages';
export { parseInstant, InstantSchema } from './instant';
export { formatPath } from './issue';
export * from './metadata';
export * from './names';
export * from './notification';
export * from './override';
export * from './parameters';
export * from './plan';
export * from './schedule';
export * from './status';
export * from './strategy';
export * from './target';
export { isKnownTimeZone } from './time-zone';
export * from './validate';
export * from './yaml';
export {
  EXPORT_OVERRIDE_MIN_AHEAD_MS,
  exportPlanAnnotations,
  importPlanAnnotations,
  type PlanImport,
} from './yaml-override';
export { checkClusterRules, storedObjectWarnings } from './cluster-rules';
