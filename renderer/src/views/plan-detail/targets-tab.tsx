import type { PlanDetail } from '../../../../shared/api';
import type { LedgerEntry } from '../../../../shared/model/status';
import { useNow } from '../../app/app-context';
import { formatHumanDuration } from '../../../../shared/time/duration';
import { durationBetween } from '../../format/time';
import { DryRunPanel } from './dry-run-panel';

function durationOf(entry: LedgerEntry | undefined, now: Date): string {
  if (!entry?.startedAt) return '—';
  const ms = durationBetween(entry.startedAt, entry.finishedAt ?? now.toISOString());
  return ms === null ? '—' : formatHumanDuration(ms);
}

/** The ledger of the operation in progress (or the last one), one row per target of the plan. */
export function TargetsTab({ detail }: { detail: PlanDetail }) {
  const now = useNow(1000);
  const ledger = new Map(detail.status.ledger.map((e) => [e.target, e]));
  const operation = detail.status.operation ?? detail.status.ledgerOperation;
  return (
    <div>
      <section className="tab-section" aria-labelledby="ledger-title">
        <h2 id="ledger-title">
          Targets
          {operation ? ` — ${operation === 'shutdown' ? 'last shutdown' : 'last wake-up'}` : ''}
        </h2>
        <table className="ledger-table" aria-label="Targets">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Type</th>
              <th scope="col">Connection</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Duration</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {detail.plan.spec.targets.map((t) => {
              const entry = ledger.get(t.name);
              return (
                <tr key={t.name} aria-label={`Target ${t.name}`} data-target={t.name}>
                  <td>{t.name}</td>
                  <td>{t.type}</td>
                  <td>{t.connectorRef?.name ?? <span className="muted">—</span>}</td>
                  <td
                    className={entry ? `state-${entry.state}` : 'muted'}
                    data-testid="target-state"
                  >
                    {entry?.state ?? 'Not run yet'}
                  </td>
                  <td className="tabular">{entry?.attempts ?? 0}</td>
                  <td className="tabular nowrap">{durationOf(entry, now)}</td>
                  <td className="ledger-message">{entry?.message ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <DryRunPanel
        plan={detail.plan.metadata.name}
        targets={detail.plan.spec.targets.map((t) => t.name)}
      />
    </div>
  );
}
