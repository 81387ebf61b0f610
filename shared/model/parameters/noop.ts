import { z } from 'zod';

export const NOOP_FAILURE_MODES = ['none', 'shutdown', 'wakeup', 'both'] as const;

const delayRange = (issue: { input?: unknown }): string =>
  `must be between 0 and 30 seconds, not ${String(issue.input)}`;

/** For demos and tests: sleeps up to `randomDelaySeconds`, reports one resource, fails on demand. */
export const NoopParametersSchema = z.object({
  randomDelaySeconds: z
    .number()
    .int()
    .min(0, { error: delayRange })
    .max(30, { error: delayRange })
    .optional(),
  failureMode: z.enum(NOOP_FAILURE_MODES).default('none'),
  failureMessage: z.string().optional(),
});
export type NoopParameters = z.infer<typeof NoopParametersSchema>;
