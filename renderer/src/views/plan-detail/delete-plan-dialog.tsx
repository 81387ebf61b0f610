import { useState } from 'react';
import type { PlanDetail } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { PHASE_WORD } from '../../format/phase';

/**
 * Deleting an awake plan is plain; any other phase needs force, which leaves the resources as
 * they are and keeps the restore points as orphaned — the dialog says so before it happens.
 */
export function DeletePlanDialog({ detail, onClose }: { detail: PlanDetail; onClose(): void }) {
  const { transport, navigation } = useApp();
  const name = detail.plan.metadata.name;
  const force = detail.status.phase !== 'Active';
  const action = useAction();
  const [done, setDone] = useState(false);

  const confirm = async (): Promise<void> => {
    const result = await action.run(
      'Deleting',
      () => transport.call('deletePlan', { name, force }),
      () => `${name} was deleted`,
    );
    if (result) {
      setDone(true);
      onClose();
      navigation.store.getState().navigate({ view: 'plans' });
    }
  };

  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel={force ? 'Delete anyway' : 'Delete plan'}
      danger
      busy={action.state.status === 'running' || done}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {force ? (
        <p>
          {name} is <strong>{PHASE_WORD[detail.status.phase]}</strong>. Deleting it now leaves its
          resources exactly as they are (nothing is woken up), removes its exceptions, and keeps its
          restore points as orphaned until you drop them. Wake it first to delete it cleanly.
        </p>
      ) : (
        <p>
          The plan and its exceptions are removed. Its resources are awake and stay as they are.
        </p>
      )}
      <Feedback state={action.state} />
    </ConfirmDialog>
  );
}
