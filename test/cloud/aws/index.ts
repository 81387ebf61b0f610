export { startAwsEmulator, type AwsEmulator, type AwsEmulatorOptions } from './emulator';
export {
  sandboxSeed,
  SANDBOX_ACCOUNT_ID,
  OTHER_ACCOUNT_ID,
  SANDBOX_REGION,
  SANDBOX_KEYS,
  SANDBOX_ROLES,
  SANDBOX_INSTANCE_IDS,
} from './sandbox-seed';
export type { AwsSeed } from './seed-schema';
export type { AwsStateDump, RegionDump } from './state-dump';
export type { Timings } from './types';
export type { FaultRule, FaultRuleInput, FaultError } from '../shared/faults';
export type { CallSnapshot, CallRecord } from '../shared/call-counter';
export type { ControllableClock } from '../shared/clock';
