import type { Settings } from '../../../shared/api/contract';
import type { HibernatorEvent } from '../../../shared/api/events';
import {
  caughtUpNotification,
  credentialsNotification,
  expiredSsoProfile,
  failureNotification,
  headsUpNotification,
  keepAsleepNotification,
  phaseNotification,
  type NotificationSpec,
  type PhaseArrival,
  type TextContext,
} from './notification-text';

export interface PolicyContext extends TextContext {
  settings: Settings['notifications'];
}

export interface PolicyOptions {
  /** Arrivals are held this long so plans finishing together (19:00) make one notification. */
  groupWindowMs: number;
  /** At most one phase-change notification per this interval; later arrivals wait and group. */
  phaseIntervalMs: number;
  /** One "run aws sso login" per profile per this interval, however many plans share the profile. */
  credentialsQuietMs: number;
  /** How many shown keys are remembered for "never twice for the same event". */
  rememberKeys: number;
}

export const DEFAULT_POLICY: PolicyOptions = {
  groupWindowMs: 10_000,
  phaseIntervalMs: 60_000,
  credentialsQuietMs: 30 * 60_000,
  rememberKeys: 1000,
};

interface Started {
  at: number;
  targetsDone: number;
}

/**
 * Decides which engine events become notifications: the kinds switched on in Settings, each
 * event at most once, phase changes grouped (latest state per plan) and rate-limited, failures
 * and the other kinds at once. Pure: time comes from the context; notifier.ts arms a timer for
 * `nextFlushAt()` and calls `flush()`.
 */
export class NotificationPolicy {
  private readonly options: PolicyOptions;
  private readonly seen = new Set<string>();
  private readonly started = new Map<string, Started>();
  private readonly pending = new Map<string, PhaseArrival>();
  private pendingSince: number | null = null;
  private lastPhaseShownAt = Number.NEGATIVE_INFINITY;
  private readonly credentialsShownAt = new Map<string, number>();

  constructor(options: Partial<PolicyOptions> = {}) {
    this.options = { ...DEFAULT_POLICY, ...options };
  }

  /** Feeds one engine event; returns what to show right away (phase changes are held). */
  receive(event: HibernatorEvent, ctx: PolicyContext): NotificationSpec[] {
    const now = ctx.now.getTime();
    switch (event.type) {
      case 'PhaseChanged': {
        if (event.to === 'Hibernating' || event.to === 'WakingUp') {
          this.started.set(event.plan, { at: Date.parse(event.at), targetsDone: 0 });
          return [];
        }
        const start = this.started.get(event.plan);
        this.started.delete(event.plan);
        const arrived =
          (event.from === 'Hibernating' && event.to === 'Hibernated') ||
          (event.from === 'WakingUp' && event.to === 'Active');
        if (!arrived || !ctx.settings.phaseChanges) return [];
        const key = `phase:${event.plan}:${event.to}:${event.at}`;
        if (!this.remember(key)) return [];
        const took = start ? Date.parse(event.at) - start.at : null;
        this.pending.set(event.plan, {
          plan: event.plan,
          to: event.to === 'Hibernated' ? 'Hibernated' : 'Active',
          at: event.at,
          tookMs: took !== null && Number.isFinite(took) && took >= 0 ? took : null,
          targetsDone: start?.targetsDone ?? 0,
        });
        this.pendingSince ??= now;
        return [];
      }
      case 'TargetProgress': {
        const start = this.started.get(event.plan);
        if (start && event.state === 'Completed') start.targetsDone++;
        return [];
      }
      case 'Failure': {
        if (!this.remember(`failure:${event.plan}:${event.error.at}`)) return [];
        const sso = expiredSsoProfile(event.error);
        if (sso) {
          if (!ctx.settings.credentials) return [];
          const spec = credentialsNotification(event.plan, sso.profile);
          const last = this.credentialsShownAt.get(spec.key);
          if (last !== undefined && now - last < this.options.credentialsQuietMs) return [];
          this.credentialsShownAt.set(spec.key, now);
          return [spec];
        }
        return ctx.settings.failures ? [failureNotification(event, ctx)] : [];
      }
      case 'HeadsUp':
        if (!ctx.settings.headsUp || !this.remember(`headsup:${event.plan}:${event.at}`)) return [];
        return [headsUpNotification(event, ctx)];
      case 'CaughtUp':
        if (!ctx.settings.caughtUp || !this.remember(`caughtup:${event.plan}:${event.missedAt}`))
          return [];
        return [caughtUpNotification(event, ctx)];
      case 'KeepAsleep': {
        // Put back to sleep: a state change (phaseChanges); left awake or failed: a failure.
        const spec = keepAsleepNotification(event);
        const allowed = spec.kind === 'actions' || ctx.settings[spec.kind];
        if (!allowed || !this.remember(spec.key)) return [];
        return [spec];
      }
      default:
        return [];
    }
  }

  /**
   * What came of the user's own action: not switchable (they asked for it, and a refusal must
   * never be silent) and not held, but shown once per key and, like every plan notification,
   * replacing that plan's previous one (its group).
   */
  action(spec: NotificationSpec): NotificationSpec[] {
    return this.remember(spec.key) ? [spec] : [];
  }

  /** When the held phase changes may be shown (epoch ms), or null when nothing is held. */
  nextFlushAt(): number | null {
    if (this.pendingSince === null || this.pending.size === 0) return null;
    return Math.max(
      this.pendingSince + this.options.groupWindowMs,
      this.lastPhaseShownAt + this.options.phaseIntervalMs,
    );
  }

  /** The grouped phase-change notification once it is due; nothing before. */
  flush(ctx: PolicyContext): NotificationSpec[] {
    const due = this.nextFlushAt();
    if (due === null || ctx.now.getTime() < due) return [];
    const arrivals = [...this.pending.values()].sort((a, b) => a.plan.localeCompare(b.plan));
    this.pending.clear();
    this.pendingSince = null;
    if (!ctx.settings.phaseChanges) return [];
    const spec = phaseNotification(arrivals, ctx);
    if (!spec) return [];
    this.lastPhaseShownAt = ctx.now.getTime();
    return [spec];
  }

  /** Records a key; false when it was seen before. Bounded, oldest forgotten first. */
  private remember(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.options.rememberKeys) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }
}
