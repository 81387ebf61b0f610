import { useState } from 'react';
import type { ScheduleException } from '../../../../shared/model';
import { EXCEPTION_REASON_ANNOTATION } from '../../../../shared/model';
import { useApp, useNow, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { EmptyState, ErrorState, Loading } from '../../components/state-views';
import { formatTimestamp } from '../../format/time';
import { formatRoute } from '../../navigation/route';

function when(e: ScheduleException, now: Date): string {
  const from = Date.parse(e.spec.validFrom);
  const until = Date.parse(e.spec.validUntil);
  if (now.getTime() >= until) return 'expired';
  if (now.getTime() < from) return 'upcoming';
  return 'in effect';
}

/** Every exception of every plan: what it changes, for how long, and whether it applies now. */
export function ExceptionList() {
  const { stores, transport } = useApp();
  const { data, error } = useResource(stores.exceptions);
  const now = useNow();
  const [deleting, setDeleting] = useState<string | null>(null);
  const action = useAction();

  if (data === undefined)
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.exceptions.refresh()} />
    ) : (
      <Loading what="exceptions" />
    );
  const sorted = [...data].sort(
    (a, b) =>
      a.spec.planRef.name.localeCompare(b.spec.planRef.name) ||
      a.spec.validFrom.localeCompare(b.spec.validFrom),
  );

  const remove = (name: string): void => {
    setDeleting(null);
    void action.run(
      'Deleting',
      () => transport.call('deleteException', { name }),
      () => `${name} was deleted`,
    );
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Exceptions</h1>
        <a className="button primary" href={formatRoute({ view: 'exception-edit', name: null })}>
          New exception
        </a>
      </header>
      <Feedback state={action.state} onDismiss={action.reset} />
      {sorted.length === 0 ? (
        <EmptyState title="No exceptions">
          <p>
            An exception changes a plan’s schedule for a while: <strong>extend</strong> adds
            off-hours, <strong>suspend</strong> keeps the plan awake during its windows,{' '}
            <strong>replace</strong> swaps the schedule. Actions such as “Keep awake 3 h” create one
            for you.
          </p>
        </EmptyState>
      ) : (
        <table aria-label="Exceptions">
          <thead>
            <tr>
              <th scope="col">Exception</th>
              <th scope="col">Plan</th>
              <th scope="col">Type</th>
              <th scope="col">Valid</th>
              <th scope="col">Now</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.metadata.name} aria-label={`Exception ${e.metadata.name}`}>
                <td>
                  <a href={formatRoute({ view: 'exception-edit', name: e.metadata.name })}>
                    {e.metadata.name}
                  </a>
                  {e.metadata.annotations?.[EXCEPTION_REASON_ANNOTATION] && (
                    <div className="muted">
                      {e.metadata.annotations[EXCEPTION_REASON_ANNOTATION]}
                    </div>
                  )}
                </td>
                <td>
                  <a
                    href={formatRoute({ view: 'plan', name: e.spec.planRef.name, tab: 'overview' })}
                  >
                    {e.spec.planRef.name}
                  </a>
                </td>
                <td>{e.spec.type}</td>
                <td className="nowrap">
                  {formatTimestamp(e.spec.validFrom)} → {formatTimestamp(e.spec.validUntil)}
                </td>
                <td>{when(e, now)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setDeleting(e.metadata.name)}
                    aria-label={`Delete ${e.metadata.name}`}
                  >
                    Delete…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting}?`}
          confirmLabel="Delete exception"
          danger
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            The plan follows its own schedule again from now on; if that changes what it should be
            doing, it acts at once.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
