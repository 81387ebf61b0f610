import { useEffect, useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { useApp, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { ErrorState, Loading } from '../../components/state-views';
import { RestorePointCard } from './restore-point-card';

/** Restore points per target: what the next wake-up will put back, with repair tools. */
export function RestoreTab({ detail }: { detail: PlanDetail }) {
  const { stores, transport } = useApp();
  const plan = detail.plan.metadata.name;
  const { key, data, error } = useResource(stores.restorePoints);
  const [initTarget, setInitTarget] = useState<string | null>(null);
  const init = useAction();

  useEffect(() => {
    void stores.restorePoints.open(plan);
  }, [stores, plan]);

  if (key !== plan || data === undefined) {
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.restorePoints.refresh()} />
    ) : (
      <Loading what="restore points" />
    );
  }
  const withPoint = new Set(data.map((p) => p.target));
  const without = detail.plan.spec.targets.map((t) => t.name).filter((t) => !withPoint.has(t));

  const confirmInit = (target: string): void => {
    setInitTarget(null);
    void init.run(
      `Initialising ${target}`,
      () => transport.call('initRestorePoint', { plan, target }),
      () => `${target} has an empty restore point now`,
    );
  };

  return (
    <div>
      {data.length === 0 && (
        <p className="muted">No restore points yet: the first shutdown captures one per target.</p>
      )}
      {data.map((point) => (
        <RestorePointCard key={point.target} summary={point} />
      ))}
      {without.length > 0 && (
        <section className="tab-section" aria-labelledby="no-point-title">
          <h2 id="no-point-title">Targets without a restore point</h2>
          <ul>
            {without.map((t) => (
              <li key={t}>
                {t}{' '}
                <button type="button" onClick={() => setInitTarget(t)}>
                  Initialise empty point for {t}
                </button>
              </li>
            ))}
          </ul>
          <Feedback state={init.state} onDismiss={init.reset} />
        </section>
      )}
      {initTarget && (
        <ConfirmDialog
          title={`Initialise an empty restore point for ${initTarget}?`}
          confirmLabel="Initialise"
          onConfirm={() => confirmInit(initTarget)}
          onCancel={() => setInitTarget(null)}
        >
          <p>
            An empty point joins the plan’s open cycle. At the next wake-up, {initTarget} succeeds
            without touching anything: resources it stopped stay stopped until you start them
            yourself.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
