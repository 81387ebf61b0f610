/**
 * Manual overrides: what each action does to a plan's one override. This layer sits above
 * shared/model (the override's stored form) and shared/schedule (evaluation), which stay
 * independent of each other.
 */
export {
  CONFIRM_OVERRIDE_ABOVE_MS,
  DEFAULT_OVERRIDE_SETTINGS,
  OVERRIDE_ACTIONS,
  UNTIL_TOMORROW_MAX_MS,
  keepOverride,
  planOverride,
  type OverrideAction,
  type OverrideConsequence,
  type OverrideContext,
  type OverrideOutcome,
  type OverrideRequest,
  type OverrideSettings,
} from './plan-override';
export { choicesFor, type OverrideChoice } from './choices';
export { legacyHoldKind, migrateHolds, type HoldMigration } from './migrate-holds';
export {
  OVERRIDE_WORDS,
  overrideCostSentence,
  overrideLine,
  overrideSetter,
  overrideState,
  type OverrideCost,
  type OverrideShown,
} from './words';
