import { useState } from 'react';
import type { ScheduleException } from '../../../../shared/model';
import { EXCEPTION_REASON_ANNOTATION } from '../../../../shared/model';
import { useApp, useNow, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { EmptyState, ErrorState, Loading } from '../../components/state-views';
import { formatRelative, formatTimestamp } from '../../format/time';
import { formatRoute } from '../../navigation/route';
import {
  EXCEPTION_GROUPS,
  type ExceptionGroup,
  endedAt,
  extendedBy,
  groupExceptions,
} from './exception-groups';

const GROUP_HINT: Readonly<Record<ExceptionGroup, string>> = {
  Active: 'valid now: the plan follows them',
  Pending: 'not valid yet',
  Expired: 'no longer change anything; kept until deleted',
};

function validity(e: ScheduleException, group: ExceptionGroup, now: Date): string {
  if (group === 'Active')
    return `until ${formatTimestamp(e.spec.validUntil)} (${formatRelative(new Date(e.spec.validUntil), now)})`;
  if (group === 'Pending')
    return `${formatTimestamp(e.spec.validFrom)} → ${formatTimestamp(e.spec.validUntil)} (starts ${formatRelative(new Date(e.spec.validFrom), now)})`;
  return `${formatTimestamp(e.spec.validFrom)} → ${formatTimestamp(e.spec.validUntil)}`;
}

/** Every exception of every plan, grouped Active / Pending / Expired, with quick actions. */
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
  // The freshest time, not the last tick: an exception just ended must not linger under Active.
  const groups = groupExceptions(data, new Date(Math.max(now.getTime(), Date.now())));

  const remove = (name: string): void => {
    setDeleting(null);
    void action.run(
      'Deleting',
      () => transport.call('deleteException', { name }),
      () => `${name} was deleted`,
    );
  };
  const replace = (label: string, next: ScheduleException, done: string): void => {
    void action.run(
      label,
      () => transport.call('applyException', { exception: next }),
      () => done,
    );
  };

  const row = (e: ScheduleException, group: ExceptionGroup) => (
    <tr key={e.metadata.name} aria-label={`Exception ${e.metadata.name}`}>
      <td>
        <a href={formatRoute({ view: 'exception-edit', name: e.metadata.name })}>
          {e.metadata.name}
        </a>
        {e.metadata.annotations?.[EXCEPTION_REASON_ANNOTATION] && (
          <div className="muted">{e.metadata.annotations[EXCEPTION_REASON_ANNOTATION]}</div>
        )}
      </td>
      <td>
        <a href={formatRoute({ view: 'plan', name: e.spec.planRef.name, tab: 'overview' })}>
          {e.spec.planRef.name}
        </a>
      </td>
      <td>{e.spec.type}</td>
      <td>{validity(e, group, now)}</td>
      <td className="nowrap">
        {group === 'Active' && (
          <>
            <button
              type="button"
              onClick={() =>
                replace('Ending', endedAt(e, new Date()), `${e.metadata.name} ended now`)
              }
            >
              End now<span className="visually-hidden"> {e.metadata.name}</span>
            </button>{' '}
            <button
              type="button"
              onClick={() =>
                replace('Extending', extendedBy(e, 1), `${e.metadata.name} lasts 1 h longer`)
              }
            >
              +1 h<span className="visually-hidden"> for {e.metadata.name}</span>
            </button>{' '}
          </>
        )}
        <button
          type="button"
          onClick={() => setDeleting(e.metadata.name)}
          aria-label={`Delete ${e.metadata.name}`}
        >
          Delete…
        </button>
      </td>
    </tr>
  );

  return (
    <div className="page">
      <header className="page-header">
        <h1>Exceptions</h1>
        <a className="button primary" href={formatRoute({ view: 'exception-edit', name: null })}>
          New exception
        </a>
      </header>
      <Feedback state={action.state} onDismiss={action.reset} />
      {data.length === 0 ? (
        <EmptyState title="No exceptions">
          <p>
            An exception changes a plan’s schedule for a while: <strong>extend</strong> adds
            off-hours, <strong>suspend</strong> keeps the plan awake during its windows,{' '}
            <strong>replace</strong> swaps the schedule. Actions such as “Keep awake 3 h” create one
            for you.
          </p>
        </EmptyState>
      ) : (
        EXCEPTION_GROUPS.map((group) => (
          <section key={group} className="tab-section" aria-labelledby={`exceptions-${group}`}>
            <h2 id={`exceptions-${group}`}>
              {group} <span className="muted">({groups[group].length})</span>{' '}
              <span className="muted exception-group-hint">— {GROUP_HINT[group]}</span>
            </h2>
            {groups[group].length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <table aria-label={`${group} exceptions`} className="exception-table">
                <colgroup>
                  <col className="col-exception" />
                  <col className="col-plan" />
                  <col className="col-type" />
                  <col />
                  <col className="col-actions" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Exception</th>
                    <th scope="col">Plan</th>
                    <th scope="col">Type</th>
                    <th scope="col">Valid</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>{groups[group].map((e) => row(e, group))}</tbody>
              </table>
            )}
          </section>
        ))
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
