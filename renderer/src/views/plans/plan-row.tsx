import type { ScheduleException } from '../../../../shared/model';
import type { PlanSummary } from '../../../../shared/model/status';
import { NextTransition } from '../../components/next-transition';
import { PhaseBadge } from '../../components/phase-badge';
import { WeekStrip } from '../../components/week-strip';
import { overrideText, summaryOverride } from '../../format/override';
import { formatAgo, formatTimestamp } from '../../format/time';
import { formatRoute } from '../../navigation/route';
import { BackToScheduleButton } from './back-to-schedule';

/** Fixed, so the list can be windowed and live updates never move the rows under the pointer. */
export const PLAN_ROW_HEIGHT = 56;

const OPERATION_WORD = { shutdown: 'Shutdown', wakeup: 'Wake-up' } as const;
const DONE_WORD = { shutdown: 'Went to sleep', wakeup: 'Woke up' } as const;

function LastCycle({ plan, now }: { plan: PlanSummary; now: Date }) {
  const last = plan.lastResult;
  if (!last) return <span className="muted">not run yet</span>;
  const ok = last.result === 'succeeded';
  return (
    <span
      className={`last-cycle last-cycle-${ok ? 'ok' : 'bad'}`}
      title={`${formatTimestamp(last.finishedAt)}${last.message ? ` — ${last.message}` : ''}`}
    >
      {ok ? DONE_WORD[last.operation] : `${OPERATION_WORD[last.operation]} ${last.result}`}
      <span className="muted"> · {formatAgo(new Date(last.finishedAt), now)}</span>
    </span>
  );
}

export function PlanRow({
  plan,
  now,
  exceptions,
  index,
}: {
  plan: PlanSummary;
  now: Date;
  exceptions: readonly ScheduleException[];
  /** Position among all rows (for aria-rowindex: the header is row 1). */
  index: number;
}) {
  const override = summaryOverride(plan, now);
  return (
    <tr
      className="plan-row"
      data-plan={plan.name}
      aria-label={`Plan ${plan.name}`}
      aria-rowindex={index + 2}
    >
      <td className="plan-phase">
        <PhaseBadge phase={plan.phase} />
      </td>
      <td className="plan-cell">
        <div className="plan-line">
          <a
            href={formatRoute({ view: 'plan', name: plan.name, tab: 'overview' })}
            className="plan-name"
          >
            {plan.name}
          </a>{' '}
          {Object.entries(plan.labels).map(([k, v]) => (
            <span key={k} className="label-chip">
              {k}={v}
            </span>
          ))}
        </div>
        {override && !plan.error && (
          <div className={`plan-line plan-override override-${override.phase}`}>
            <span title={overrideText(override, now)}>{overrideText(override, now)}</span>{' '}
            <BackToScheduleButton plan={plan.name} />
          </div>
        )}
        {plan.error && (
          <div className="plan-error plan-line" role="note" title={plan.error.message}>
            {plan.error.message}
          </div>
        )}
      </td>
      <td className="plan-week">
        <WeekStrip plan={plan} exceptions={exceptions} now={now} />
      </td>
      <td className="plan-next plan-line">
        {plan.suspended ? (
          <span className="muted">schedule paused</span>
        ) : (
          <NextTransition transition={plan.nextTransition} timezone={plan.timezone} now={now} />
        )}
      </td>
      <td className="plan-last plan-line">
        <LastCycle plan={plan} now={now} />
      </td>
      <td className="tabular plan-targets">{plan.targetCount}</td>
    </tr>
  );
}
