import { useMemo, useRef, useState } from 'react';
import type { ScheduleException } from '../../../../shared/model';
import { PHASES, type Phase } from '../../../../shared/model/status';
import { useApp, useNow, useResource } from '../../app/app-context';
import { ErrorState, Loading } from '../../components/state-views';
import { useVirtualRows } from '../../components/virtual-rows';
import { PHASE_WORD } from '../../format/phase';
import { EmptyPlans } from './empty-plans';
import { ExportAllButton } from './export-all-button';
import { PLAN_ROW_HEIGHT, PlanRow } from './plan-row';
import './plan-list.css';

const NONE: readonly ScheduleException[] = [];

/**
 * Every plan with its phase, week, next transition, last cycle and trouble, live from the
 * event stream. Only the rows in view are rendered, so hundreds of plans scroll smoothly.
 */
export function PlanList() {
  const { stores } = useApp();
  const { data, error } = useResource(stores.plans);
  const exceptions = useResource(stores.exceptions).data;
  const now = useNow();
  const scroller = useRef<HTMLDivElement | null>(null);
  const [query, setQuery] = useState('');
  const [phase, setPhase] = useState<Phase | 'all'>('all');

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (data ?? [])
      .filter((p) => phase === 'all' || p.phase === phase)
      .filter(
        (p) =>
          !q ||
          p.name.toLowerCase().includes(q) ||
          Object.entries(p.labels).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(q)),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [data, query, phase]);
  const exceptionsByPlan = useMemo(() => {
    const map = new Map<string, ScheduleException[]>();
    for (const e of exceptions ?? [])
      map.set(e.spec.planRef.name, [...(map.get(e.spec.planRef.name) ?? []), e]);
    return map;
  }, [exceptions]);
  const rows = useVirtualRows(scroller, shown.length, PLAN_ROW_HEIGHT);

  if (data === undefined)
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.plans.refresh()} />
    ) : (
      <Loading what="plans" />
    );
  if (data.length === 0) return <EmptyPlans />;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Plans</h1>
        <div className="toolbar">
          <ExportAllButton />
          <a className="button" href="#/import">
            Import YAML
          </a>
          <a className="button primary" href="#/new-plan">
            New plan
          </a>
        </div>
      </header>
      <div className="toolbar plan-filters">
        <input
          type="search"
          aria-label="Search plans by name or label"
          placeholder="Search by name or label"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label="Filter by phase"
          value={phase}
          onChange={(e) =>
            setPhase(
              e.target.value === 'all'
                ? 'all'
                : (PHASES.find((p) => p === e.target.value) ?? 'all'),
            )
          }
        >
          <option value="all">All phases</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {PHASE_WORD[p]}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorState error={error} onRetry={() => void stores.plans.refresh()} />}
      <div
        ref={scroller}
        className="plan-scroller"
        onScroll={rows.onScroll}
        tabIndex={0}
        role="region"
        aria-label={`${shown.length} plan(s), scrollable`}
      >
        <table className="plan-table" aria-label="Plans" aria-rowcount={shown.length + 1}>
          <colgroup>
            <col className="col-phase" />
            <col />
            <col className="col-week" />
            <col className="col-next" />
            <col className="col-last" />
            <col className="col-targets" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Phase</th>
              <th scope="col">Plan</th>
              <th scope="col">Week</th>
              <th scope="col">Next</th>
              <th scope="col">Last cycle</th>
              <th scope="col">Targets</th>
            </tr>
          </thead>
          <tbody>
            {rows.padTop > 0 && <Spacer height={rows.padTop} />}
            {shown.slice(rows.start, rows.end).map((p, k) => (
              <PlanRow
                key={p.name}
                plan={p}
                now={now}
                exceptions={exceptionsByPlan.get(p.name) ?? NONE}
                index={rows.start + k}
              />
            ))}
            {rows.padBottom > 0 && <Spacer height={rows.padBottom} />}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">No plan matches the filter.</p>}
    </div>
  );
}

/** Stands in for the rows outside the window, so the scrollbar reflects the whole list. */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="plan-spacer">
      <td colSpan={6} style={{ height }} />
    </tr>
  );
}
