import { useEffect, useState } from 'react';
import type { RestorePointDetail, RestorePointSummary } from '../../../../shared/model/status';
import type { ApiError } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { formatTimestamp } from '../../format/time';
import { toApiError } from '../../transport/envelope';
import { PatchDialog } from './patch-dialog';

type Pending =
  | { kind: 'drop'; key: string }
  | { kind: 'drop-all' }
  | { kind: 'patch'; key: string; state: unknown };

/** One target's point: its resources with their captured state, and patch / drop with confirmations. */
export function RestorePointCard({ summary }: { summary: RestorePointSummary }) {
  const { transport } = useApp();
  const { plan, target } = summary;
  const [detail, setDetail] = useState<RestorePointDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const action = useAction();

  // Re-read the resources whenever the summary changes (a capture, a restore, a patch elsewhere).
  const version = `${summary.capturedAt}|${summary.restoredAt ?? ''}|${summary.resourceCount}|${summary.staleCount}|${summary.cycleId}`;
  useEffect(() => {
    let live = true;
    transport.call('inspectRestorePoint', { plan, target }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setLoadError(null);
      },
      (e: unknown) => {
        if (live) setLoadError(toApiError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [transport, plan, target, version]);

  const perform = (p: Pending): void => {
    setPending(null);
    if (p.kind === 'patch') {
      void action
        .run(
          'Patching',
          () => transport.call('patchRestorePoint', { plan, target, key: p.key, state: p.state }),
          () => `${p.key} patched`,
        )
        .then((d) => d && setDetail(d));
    } else {
      const key = p.kind === 'drop' ? p.key : undefined;
      void action.run(
        'Dropping',
        () => transport.call('dropRestorePoint', key ? { plan, target, key } : { plan, target }),
        (r) => `dropped ${r.dropped} resource(s) of ${target}`,
      );
    }
  };

  const status = summary.orphaned
    ? 'orphaned (plan deleted)'
    : summary.open
      ? 'open — used by the next wake-up'
      : 'consumed — kept for inspection';
  return (
    <section className="restore-point card" aria-label={`Restore point of ${target}`}>
      <h3>
        {target} <span className="muted">({summary.executor})</span>
      </h3>
      <p className="muted">
        {status} · {summary.isLive ? 'live capture' : 'not live'} · captured{' '}
        {formatTimestamp(summary.capturedAt)} · restored {formatTimestamp(summary.restoredAt)}
        {summary.staleCount > 0 ? ` · ${summary.staleCount} stale` : ''}
      </p>
      {loadError && <p className="issue-error">{loadError.message}</p>}
      {detail && (
        <table aria-label={`Resources of ${target}`}>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Captured state</th>
              <th scope="col">Live</th>
              <th scope="col">Captured at</th>
              <th scope="col">Stale</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.resources.map((r) => (
              <tr key={r.key}>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>
                  <pre className="state-json">{JSON.stringify(r.state, null, 2)}</pre>
                </td>
                <td>{r.isLive ? 'live' : 'not live'}</td>
                <td className="nowrap">{formatTimestamp(r.capturedAt)}</td>
                <td className="tabular">{r.staleCount}</td>
                <td className="nowrap">
                  <button
                    type="button"
                    onClick={() => setPending({ kind: 'patch', key: r.key, state: r.state })}
                    aria-label={`Patch ${r.key}`}
                  >
                    Patch…
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => setPending({ kind: 'drop', key: r.key })}
                    aria-label={`Drop ${r.key}`}
                  >
                    Drop…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setPending({ kind: 'drop-all' })}>
          Drop the whole point…
        </button>
      </div>
      <Feedback state={action.state} onDismiss={action.reset} />
      {pending?.kind === 'patch' && (
        <PatchDialog
          target={target}
          resourceKey={pending.key}
          initial={pending.state}
          onCancel={() => setPending(null)}
          onConfirm={(state) => perform({ ...pending, state })}
        />
      )}
      {pending?.kind === 'drop' && (
        <ConfirmDialog
          title={`Drop ${pending.key}?`}
          confirmLabel="Drop resource"
          danger
          onConfirm={() => perform(pending)}
          onCancel={() => setPending(null)}
        >
          <p>
            At the next wake-up, {target} will not restore {pending.key}: it stays exactly as it is
            then.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'drop-all' && (
        <ConfirmDialog
          title={`Drop the restore point of ${target}?`}
          confirmLabel="Drop restore point"
          danger
          onConfirm={() => perform(pending)}
          onCancel={() => setPending(null)}
        >
          <p>
            All captured state of {target} is deleted. If its shutdown in this cycle completed, the
            next wake-up fails with “no restore point” until you initialise an empty one — nothing
            of {target} will be restored.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
