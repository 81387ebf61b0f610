import { useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import {
  ACTION_LABEL,
  CONFIRM_TEXT,
  type PlanAction,
  allowedActions,
  runAction,
} from '../../format/actions';

/** The actions the engine accepts in the plan's current phase, and the outcome of the last one. */
export function PlanActions({ detail }: { detail: PlanDetail }) {
  const { transport } = useApp();
  const name = detail.plan.metadata.name;
  const action = useAction();
  const [confirming, setConfirming] = useState<PlanAction | null>(null);
  const actions = allowedActions(detail.status.phase, detail.plan.spec.suspend);

  const perform = (a: PlanAction): void => {
    setConfirming(null);
    void action.run(
      ACTION_LABEL[a],
      () => runAction(transport, name, a),
      (r) => r.message,
    );
  };
  const request = (a: PlanAction): void => {
    if (CONFIRM_TEXT[a]) setConfirming(a);
    else perform(a);
  };

  return (
    <section className="plan-actions" aria-label="Actions">
      <div className="toolbar">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={
              a === 'hibernateNow' || a === 'wakeNow' || a === 'retry' || a === 'resume'
                ? 'primary'
                : ''
            }
            onClick={() => request(a)}
            disabled={action.state.status === 'running'}
          >
            {ACTION_LABEL[a]}
          </button>
        ))}
      </div>
      <Feedback state={action.state} onDismiss={action.reset} />
      {confirming && (
        <ConfirmDialog
          title={`${ACTION_LABEL[confirming]} ${name}?`}
          confirmLabel={ACTION_LABEL[confirming]}
          onConfirm={() => perform(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>{CONFIRM_TEXT[confirming]}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
