import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/api';
import { useApp, useResource, useVanilla } from '../../app/app-context';
import { formatTimestamp } from '../../format/time';
import { formatRoute } from '../../navigation/route';
import { describeEvent, planOf } from './describe-event';

const PER_PLAN = 5;

/** Recent operations of every plan (from the engine's history), and what happened while this window was open. */
export function ActivityView() {
  const { stores, transport } = useApp();
  const items = useVanilla(stores.activity, (s) => s.items);
  const plans = useResource(stores.plans).data;
  const [operations, setOperations] = useState<HistoryEntry[] | null>(null);
  // Re-read the histories when an operation starts or ends (a phase change), not on every progress line.
  const phaseChanges = items.filter((i) => i.event.type === 'PhaseChanged').length;
  const planNames = (plans ?? []).map((p) => p.name).join('\u0000');

  useEffect(() => {
    let live = true;
    const names = planNames ? planNames.split('\u0000') : [];
    Promise.all(
      names.map((plan) =>
        transport.call('getHistory', { plan, limit: PER_PLAN }).catch(() => [] as HistoryEntry[]),
      ),
    ).then((lists) => {
      if (live)
        setOperations(
          lists
            .flat()
            .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
            .slice(0, 50),
        );
    });
    return () => {
      live = false;
    };
  }, [transport, planNames, phaseChanges]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Activity</h1>
      </header>
      <section className="tab-section" aria-labelledby="ops-title">
        <h2 id="ops-title">Recent operations</h2>
        {operations === null ? (
          <p className="muted">Loading…</p>
        ) : operations.length === 0 ? (
          <p className="muted">No plan has hibernated or woken up yet.</p>
        ) : (
          <table aria-label="Recent operations">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Plan</th>
                <th scope="col">Operation</th>
                <th scope="col">Result</th>
                <th scope="col">Trigger</th>
              </tr>
            </thead>
            <tbody>
              {operations.map((h) => (
                <tr key={`${h.plan}-${h.id}`}>
                  <td className="nowrap">{formatTimestamp(h.startedAt)}</td>
                  <td>
                    <a href={formatRoute({ view: 'plan', name: h.plan, tab: 'history' })}>
                      {h.plan}
                    </a>
                  </td>
                  <td>{h.operation === 'shutdown' ? 'shutdown' : 'wake-up'}</td>
                  <td
                    className={
                      h.result === 'succeeded'
                        ? 'state-Completed'
                        : h.result === 'running'
                          ? 'state-Running'
                          : 'state-Failed'
                    }
                  >
                    {h.result}
                  </td>
                  <td className="muted">{h.trigger}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="tab-section" aria-labelledby="feed-title">
        <h2 id="feed-title">Since this window opened</h2>
        {items.length === 0 ? (
          <p className="muted">
            Nothing yet. Phase changes, failures, heads-ups and edits appear here as they happen.
          </p>
        ) : (
          <ol className="activity-feed" aria-label="Events">
            {items.map((i) => {
              const plan = planOf(i.event);
              return (
                <li key={i.id}>
                  <time className="muted tabular" dateTime={i.at}>
                    {new Date(i.at).toLocaleTimeString()}
                  </time>{' '}
                  {describeEvent(i.event)}
                  {plan && i.event.type !== 'PlanChanged' && (
                    <>
                      {' '}
                      <a href={formatRoute({ view: 'plan', name: plan, tab: 'overview' })}>open</a>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
