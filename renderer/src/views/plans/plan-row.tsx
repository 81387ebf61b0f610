import type { PlanSummary } from '../../../../shared/model/status';
import { NextTransition } from '../../components/next-transition';
import { PhaseBadge } from '../../components/phase-badge';
import { formatRoute } from '../../navigation/route';

export function PlanRow({ plan, now }: { plan: PlanSummary; now: Date }) {
  return (
    <tr className="plan-row" data-plan={plan.name} aria-label={`Plan ${plan.name}`}>
      <td className="plan-phase">
        <PhaseBadge phase={plan.phase} />
      </td>
      <td>
        <a
          href={formatRoute({ view: 'plan', name: plan.name, tab: 'overview' })}
          className="plan-name"
        >
          {plan.name}
        </a>
        <div>
          {Object.entries(plan.labels).map(([k, v]) => (
            <span key={k} className="label-chip">
              {k}={v}
            </span>
          ))}
        </div>
        {plan.error && (
          <div className="plan-error" role="note">
            {plan.error.message}
          </div>
        )}
      </td>
      <td className="plan-next">
        {plan.suspended ? (
          <span className="muted">schedule paused</span>
        ) : (
          <NextTransition transition={plan.nextTransition} timezone={plan.timezone} now={now} />
        )}
      </td>
      <td className="tabular">{plan.targetCount}</td>
    </tr>
  );
}
