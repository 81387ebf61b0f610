import { useEffect } from 'react';
import type { HistoryEntry } from '../../../../shared/api';
import { formatHumanDuration } from '../../../../shared/time/duration';
import { useApp, useResource } from '../../app/app-context';
import { ErrorState, Loading } from '../../components/state-views';
import { durationBetween, formatTimestamp } from '../../format/time';

const RESULT_WORD: Readonly<Record<HistoryEntry['result'], string>> = {
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  partial: 'partly failed',
  interrupted: 'interrupted',
};

function took(entry: { startedAt: string | null; finishedAt: string | null }): string {
  const ms = durationBetween(entry.startedAt, entry.finishedAt);
  return ms === null ? '—' : formatHumanDuration(ms);
}

/** Operations, newest first, each with what every target did and said. */
export function HistoryTab({ plan }: { plan: string }) {
  const { stores } = useApp();
  const { key, data, error } = useResource(stores.history);
  useEffect(() => {
    void stores.history.open(plan);
  }, [stores, plan]);

  if (key !== plan || data === undefined) {
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.history.refresh()} />
    ) : (
      <Loading what="history" />
    );
  }
  if (data.length === 0) return <p className="muted">Nothing has run yet.</p>;
  return (
    <ol className="history-list" aria-label="Operations">
      {data.map((h) => (
        <li key={h.id} className={`history-entry history-${h.result}`}>
          <details>
            <summary>
              <strong>{h.operation === 'shutdown' ? 'Shutdown' : 'Wake-up'}</strong>{' '}
              {RESULT_WORD[h.result]} · {formatTimestamp(h.startedAt)} · took {took(h)} ·{' '}
              <span className="muted">{h.trigger}</span>
              {h.message ? ` — ${h.message}` : ''}
            </summary>
            <table aria-label={`Targets of operation ${h.id}`}>
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {h.targets.map((t) => (
                  <tr key={t.target}>
                    <td>{t.target}</td>
                    <td className={`state-${t.state}`}>{t.state}</td>
                    <td className="tabular">{t.attempts}</td>
                    <td className="tabular">{took(t)}</td>
                    <td>{t.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ol>
  );
}
