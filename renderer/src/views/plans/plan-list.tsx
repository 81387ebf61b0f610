import { useMemo, useState } from 'react';
import { PHASES, type Phase } from '../../../../shared/model/status';
import { useApp, useNow, useResource } from '../../app/app-context';
import { ErrorState, Loading } from '../../components/state-views';
import { PHASE_WORD } from '../../format/phase';
import { EmptyPlans } from './empty-plans';
import { ExportAllButton } from './export-all-button';
import { PlanRow } from './plan-row';
import './plan-list.css';

/** Every plan with its phase, next transition and trouble, live from the event stream. */
export function PlanList() {
  const { stores } = useApp();
  const { data, error } = useResource(stores.plans);
  const now = useNow();
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
      <table className="plan-table" aria-label="Plans">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Plan</th>
            <th scope="col">Next</th>
            <th scope="col">Targets</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <PlanRow key={p.name} plan={p} now={now} />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No plan matches the filter.</p>}
    </div>
  );
}
