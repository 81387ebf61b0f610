/**
 * Deterministic fault injection and per-operation call counts. Operations are named
 * `<verb> <resource>[/<subresource>]` (`list deployments`, `patch deployments/scale`,
 * `delete nodepools`); discovery requests are `get <path>` (`get /apis`).
 */
import {
  failure,
  gatewayTimeout,
  internalError,
  serviceUnavailable,
  tooManyRequests,
  type KubeApiError,
} from './status';

export const INJECTED_STATUSES = [403, 422, 429, 500, 503, 504] as const;
export type InjectedStatus = (typeof INJECTED_STATUSES)[number];

export interface KubeFaultRule {
  /** Exact operation name, or a pattern with `*` (`* deployments/scale`, `*`). Default `*`. */
  operation?: string;
  /** Delay added to every matching call. */
  latencyMs?: number;
  /**
   * HTTP status of injected failures (default 500): 429, 500, 503 and 504 are transient; 403
   * (Forbidden) and 422 (Invalid) are permanent, for checking that nothing retries them.
   */
  status?: InjectedStatus;
  /** Fraction (0–1) of matching calls that fail, drawn from a seeded generator. */
  rate?: number;
  /** 1-based numbers of the matching calls (counted since the rule was added) that fail. */
  nth?: number[];
  /** Stop failing after this many injected failures. */
  times?: number;
  /** Message of the injected error. */
  message?: string;
  /**
   * Matching list calls ignore `labelSelector` and `fieldSelector` and answer with every object,
   * as a misbehaving proxy or aggregated API might: clients must check what comes back.
   */
  ignoreSelectors?: boolean;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function matcher(pattern: string): (op: string) => boolean {
  if (pattern === '*') return () => true;
  if (!pattern.includes('*')) return (op) => op === pattern;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (op) => re.test(op);
}

interface ActiveRule {
  id: number;
  rule: KubeFaultRule;
  matches: (op: string) => boolean;
  random: () => number;
  seen: number;
  failed: number;
}

export interface FaultDecision {
  latencyMs: number;
  error?: KubeApiError;
  ignoreSelectors?: boolean;
}

function injectedError(rule: KubeFaultRule, operation: string): KubeApiError {
  const message = rule.message ?? `injected fault for ${operation}`;
  switch (rule.status ?? 500) {
    case 403:
      return failure(403, 'Forbidden', message);
    case 422:
      return failure(422, 'Invalid', message);
    case 429:
      return tooManyRequests(1);
    case 503:
      return serviceUnavailable(message);
    case 504:
      return gatewayTimeout(message);
    default:
      return internalError(message);
  }
}

export class FaultInjector {
  private active: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly seed = 1) {}

  /** Adds a rule; returns a function that removes it. */
  add(rule: KubeFaultRule): () => void {
    const id = this.nextId;
    this.nextId += 1;
    // Seeded by the rule's content: the same rule added again fails the same calls again.
    const random = generator(Math.imul(this.seed, 7919) ^ hash(JSON.stringify(rule)));
    this.active.push({
      id,
      rule: { ...rule },
      matches: matcher(rule.operation ?? '*'),
      random,
      seen: 0,
      failed: 0,
    });
    return () => {
      this.active = this.active.filter((r) => r.id !== id);
    };
  }

  clear(): void {
    this.active = [];
  }

  rules(): KubeFaultRule[] {
    return this.active.map((r) => ({ ...r.rule }));
  }

  decide(operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const r of this.active) {
      if (!r.matches(operation)) continue;
      r.seen += 1;
      decision.latencyMs += r.rule.latencyMs ?? 0;
      if (r.rule.ignoreSelectors === true) decision.ignoreSelectors = true;
      const failing =
        r.rule.status !== undefined ||
        r.rule.rate !== undefined ||
        r.rule.nth !== undefined ||
        r.rule.times !== undefined;
      if (!failing || decision.error !== undefined) continue;
      if (r.rule.times !== undefined && r.failed >= r.rule.times) continue;
      // Draw for every matching call so the sequence does not depend on other rules' outcomes.
      const draw = r.random();
      const hit =
        r.rule.nth !== undefined
          ? r.rule.nth.includes(r.seen)
          : r.rule.rate !== undefined
            ? draw < r.rule.rate
            : true;
      if (hit) {
        r.failed += 1;
        decision.error = injectedError(r.rule, operation);
      }
    }
    return decision;
  }
}

export class CallCounter {
  private counts = new Map<string, number>();

  record(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(
      [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }

  reset(): void {
    this.counts = new Map();
  }
}
