import { useMemo } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { type DayPicture, weekPicture } from '../../../../shared/schedule';
import { useApp, useNow, useResource } from '../../app/app-context';
import { IssueList } from '../../components/issue-list';
import { NextTransition } from '../../components/next-transition';
import { WeekPicture } from '../../components/week-picture';
import { asleepHours, monthOf } from '../../format/asleep-hours';
import type { ShownOverride } from '../../format/override';
import { formatRoute } from '../../navigation/route';

function asleepMinutes(days: readonly DayPicture[]): number {
  let total = 0;
  for (const d of days)
    for (const iv of d.intervals) if (iv.hibernate) total += iv.endMinute - iv.startMinute;
  return total;
}

/** Money per hour of the plan's targets, from the optional costs in Settings ("plan/target" keys). */
function hourlyCost(costs: Record<string, number> | undefined, detail: PlanDetail): number {
  if (!costs) return 0;
  return detail.plan.spec.targets.reduce(
    (sum, t) => sum + (costs[`${detail.plan.metadata.name}/${t.name}`] ?? 0),
    0,
  );
}

export function OverviewTab({
  detail,
  override = null,
}: {
  detail: PlanDetail;
  override?: ShownOverride | null;
}) {
  const { stores } = useApp();
  const settings = useResource(stores.settings).data;
  const now = useNow();
  const dayKey = Math.floor(now.getTime() / 86_400_000);
  const asleep = useMemo(() => {
    try {
      return (
        asleepMinutes(weekPicture(detail.plan, detail.exceptions, new Date(dayKey * 86_400_000))) /
        60
      );
    } catch {
      return null;
    }
  }, [detail.plan, detail.exceptions, dayKey]);
  const month = useMemo(() => {
    const range = monthOf(new Date(dayKey * 86_400_000));
    return asleepHours(detail.plan, detail.exceptions, range.from, range.to);
  }, [detail.plan, detail.exceptions, dayKey]);
  const cost = hourlyCost(settings?.hourlyCosts, detail);
  const money = (h: number): string =>
    settings ? `${(h * cost).toFixed(2)} ${settings.currency}` : '';

  return (
    <div>
      {detail.warnings.length > 0 && (
        <section className="tab-section" aria-labelledby="stored-warnings-title">
          <h2 id="stored-warnings-title">To fix on the next edit</h2>
          <IssueList issues={detail.warnings} kind="warning" label="Rules this plan breaks" />
        </section>
      )}
      <section className="tab-section" aria-labelledby="week-title">
        <h2 id="week-title">This week</h2>
        <WeekPicture
          plan={detail.plan}
          exceptions={detail.exceptions}
          now={now}
          override={override}
        />
        {asleep !== null && (
          <p className="muted" aria-label="Hours asleep">
            Asleep {Math.round(asleep)} h of 168 h this week ({Math.round((asleep / 168) * 100)}%)
            {month !== null ? `, ${Math.round(month)} h this month` : ''}
            {cost > 0 && settings
              ? ` — saving about ${money(asleep)} this week${month !== null ? `, ${money(month)} this month` : ''}`
              : ''}
            .
          </p>
        )}
      </section>
      <section className="tab-section" aria-labelledby="next-title">
        <h2 id="next-title">Next transitions</h2>
        {detail.plan.spec.suspend && (
          <p className="muted">The schedule is paused: these apply once the plan is resumed.</p>
        )}
        {detail.upcoming.length === 0 ? (
          <p className="muted">No change in the next year.</p>
        ) : (
          <ol className="transition-list" aria-label="Next transitions">
            {detail.upcoming.slice(0, 5).map((t) => (
              <li key={t.at}>
                <NextTransition
                  transition={t}
                  timezone={detail.plan.spec.schedule.timezone}
                  now={now}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="tab-section" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title">Exceptions</h2>
        {detail.exceptions.length === 0 ? (
          <p className="muted">
            None. Manual actions (wake, keep awake, hibernate, skip) set the plan’s one override
            instead; write an exception with “New exception”.
          </p>
        ) : (
          <ul>
            {detail.exceptions.map((e) => (
              <li key={e.metadata.name}>
                <a href={formatRoute({ view: 'exception-edit', name: e.metadata.name })}>
                  {e.metadata.name}
                </a>{' '}
                — {e.spec.type}, until {new Date(e.spec.validUntil).toLocaleString()}
                {detail.evaluation.activeExceptions.includes(e.metadata.name)
                  ? ' (in effect now)'
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
