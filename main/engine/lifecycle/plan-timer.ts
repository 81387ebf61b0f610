import type { Plan, ScheduleException } from '../../../shared/model';
import { SUSPEND_UNTIL_ANNOTATION } from '../../../shared/model/constants';
import type { PlanStatus } from '../../../shared/model/status';
import type { PlanOverride } from '../../../shared/model/override';
import { overrideEndMs, overrideInEffect, upcomingDesired } from '../../../shared/schedule';
import type { TimerHandle } from '../clock';
import { hasKeepAsleepCheck, keepAsleepEveryMs } from './keep-asleep';
import type { LifecycleDeps } from './lifecycle-deps';

/**
 * One timer per plan, armed for the next instant the plan has something to do (the next change
 * of its desired state, the end of its manual override, a heads-up, an automatic retry, the end
 * of a suspension, the keep-asleep check): no polling. A heads-up that is already due is sent
 * here, once per transition; it announces what will really happen (semantics.md section 2), so
 * an override that ends into sleep is announced and a sleep the override suppresses is not.
 */
export class PlanTimer {
  private timer: TimerHandle | null = null;
  private headsUpSentFor: string | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly deps: LifecycleDeps,
    private readonly onFire: () => void,
  ) {}

  arm(
    plan: Plan,
    exceptions: ScheduleException[],
    status: PlanStatus,
    override: PlanOverride | null,
    now: Date,
  ): void {
    this.cancel();
    if (this.stopped) return;
    const candidates: number[] = [];
    const next = upcomingDesired(plan, exceptions, override, now, 1)[0];
    if (next) candidates.push(next.at.getTime());
    // The override's end, even when the schedule then says the same: it is removed from the plan.
    const overrideEnd = override ? overrideEndMs(override) : Number.POSITIVE_INFINITY;
    if (override && Number.isFinite(overrideEnd)) candidates.push(overrideEnd);
    const endsOverride =
      next !== undefined &&
      override !== null &&
      overrideInEffect(override, now) &&
      next.at.getTime() === overrideEnd;
    const minutes = this.deps.settings().headsUpMinutes;
    if (
      next &&
      next.operation === 'hibernate' &&
      status.phase === 'Active' &&
      !plan.spec.suspend &&
      minutes > 0
    ) {
      const headsUpAt = next.at.getTime() - minutes * 60_000;
      const key = next.at.toISOString();
      if (now.getTime() >= headsUpAt) {
        if (this.headsUpSentFor !== key) {
          this.headsUpSentFor = key;
          this.deps.bus.emit({
            type: 'HeadsUp',
            plan: this.name,
            at: key,
            minutes: Math.ceil((next.at.getTime() - now.getTime()) / 60_000),
            ...(endsOverride ? { overrideEnds: true } : {}),
          });
        }
      } else candidates.push(headsUpAt);
    }
    if (status.phase === 'Error' && status.nextRetryAt)
      candidates.push(Date.parse(status.nextRetryAt));
    const until = plan.metadata.annotations?.[SUSPEND_UNTIL_ANNOTATION];
    if (plan.spec.suspend && until && !Number.isNaN(Date.parse(until)))
      candidates.push(Date.parse(until));
    if (status.phase === 'Hibernated' && hasKeepAsleepCheck(plan, this.deps)) {
      candidates.push(
        Date.parse(status.lastKeepAsleepAt ?? status.phaseSince) + keepAsleepEveryMs(this.deps),
      );
    }
    if (candidates.length === 0) return;
    const at = Math.min(...candidates);
    this.timer = this.deps.clock.setTimer(this.onFire, Math.max(0, at - now.getTime()));
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** For good: the plan is gone or the engine closes. */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }
}
