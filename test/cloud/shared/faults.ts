import { z } from 'zod';
import { matchesGlob } from './glob';
import type { Rng } from './rng';

/**
 * Fault injection per action, shared by the cloud emulators. A rule names actions with a pattern
 * (`ec2:StopInstances`, `eks:*`, `*`) and may add latency, fail a fraction of calls (drawn from a
 * seeded RNG, so runs repeat) or fail exactly the Nth matching call. Faults are abstract here
 * (`throttle`, `server`, `unavailable`, or a custom code); each emulator turns them into its own
 * wire error, e.g. `Throttling` for RDS versus `ThrottlingException` with 429 for EKS.
 * `signature-mismatch` answers as AWS does when the signature is wrong: `SignatureDoesNotMatch`
 * (EKS: `InvalidSignatureException`), 403, quoting the canonical request it expected, headers
 * and all, so a test can check that no credential the client sent leaks any further.
 * `timeout` never answers: the call hangs until the client gives up (its request timeout).
 */
export const FaultErrorSchema = z.union([
  z.object({
    kind: z.enum(['throttle', 'server', 'unavailable', 'signature-mismatch', 'timeout']),
  }),
  z.object({
    kind: z.literal('custom'),
    code: z.string().min(1),
    status: z.number().int().min(400).max(599),
    message: z.string().optional(),
  }),
]);
export type FaultError = z.infer<typeof FaultErrorSchema>;

const rate = z.number().min(0).max(1);

export const FaultRuleInputSchema = z.object({
  /** Action pattern, `service:Action` with `*` / `?` wildcards. */
  action: z.string().min(1),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  throttleRate: rate.optional(),
  /** Fraction of calls failing with a 500-class internal error. */
  serverErrorRate: rate.optional(),
  /** Fraction of calls failing with a 503-class "service unavailable". */
  unavailableRate: rate.optional(),
  /**
   * The matching describe/list calls ignore what narrows them (filters, identifier and name
   * lists) and answer with everything, as some proxies and emulators do: clients must check what
   * comes back against what they asked for.
   */
  ignoreFilters: z.boolean().optional(),
  /** Fail the `nth` matching call (1-based, counted from when the rule was added) and the `count - 1` after it. */
  failNth: z
    .object({
      nth: z.number().int().min(1),
      count: z.number().int().min(1).optional(),
      error: FaultErrorSchema,
    })
    .optional(),
});
export type FaultRuleInput = z.infer<typeof FaultRuleInputSchema>;

export interface FaultRule extends FaultRuleInput {
  id: string;
  /** Matching calls seen since the rule was added. */
  matched: number;
  /** Errors this rule has injected. */
  injected: number;
}

export interface FaultDecision {
  latencyMs: number;
  /** A matching rule says the call ignores its filters (`ignoreFilters`). */
  ignoreFilters?: boolean;
  error?: FaultError;
  ruleId?: string;
}

export interface FaultInjector {
  add(rule: FaultRuleInput): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /** Decides the fate of one call of `action`; counts it against every matching rule. */
  decide(action: string): FaultDecision;
}

export function createFaultInjector(rng: Rng): FaultInjector {
  const rules: FaultRule[] = [];
  let nextId = 1;

  return {
    add(input) {
      const parsed = FaultRuleInputSchema.parse(input);
      const rule: FaultRule = { ...parsed, id: `fault-${nextId}`, matched: 0, injected: 0 };
      nextId += 1;
      rules.push(rule);
      return { ...rule };
    },
    remove(id) {
      const index = rules.findIndex((r) => r.id === id);
      if (index < 0) return false;
      rules.splice(index, 1);
      return true;
    },
    clear() {
      rules.length = 0;
    },
    list: () => rules.map((r) => ({ ...r })),
    decide(action) {
      let latencyMs = 0;
      let error: FaultError | undefined;
      let ruleId: string | undefined;
      let ignoreFilters = false;
      for (const rule of rules) {
        if (!matchesGlob(rule.action, action)) continue;
        rule.matched += 1;
        if (rule.ignoreFilters === true) ignoreFilters = true;
        latencyMs = Math.max(latencyMs, rule.latencyMs ?? 0);
        // Every matching rule draws its random numbers even when an earlier rule already failed
        // the call, so adding a rule never shifts the outcomes of another rule's draws.
        const drawn = drawError(rule, rng);
        if (drawn !== undefined && error === undefined) {
          error = drawn;
          ruleId = rule.id;
          rule.injected += 1;
        }
      }
      const base = ignoreFilters ? { latencyMs, ignoreFilters } : { latencyMs };
      return error === undefined ? base : { ...base, error, ruleId };
    },
  };
}

function drawError(rule: FaultRule, rng: Rng): FaultError | undefined {
  let result: FaultError | undefined;
  if (rule.failNth !== undefined) {
    const first = rule.failNth.nth;
    const last = first + (rule.failNth.count ?? 1) - 1;
    if (rule.matched >= first && rule.matched <= last) result = rule.failNth.error;
  }
  const draws: Array<[number | undefined, FaultError]> = [
    [rule.throttleRate, { kind: 'throttle' }],
    [rule.serverErrorRate, { kind: 'server' }],
    [rule.unavailableRate, { kind: 'unavailable' }],
  ];
  for (const [probability, fault] of draws) {
    if (probability === undefined || probability === 0) continue;
    const hit = rng() < probability;
    if (hit && result === undefined) result = fault;
  }
  return result;
}
