import { ConfirmDialog } from '../components/confirm-dialog';
import { useNavigation } from './app-context';

/** The question asked before unsaved changes would be dropped by leaving the page. */
export function LeaveDialog() {
  const pending = useNavigation((s) => s.pending);
  const unsaved = useNavigation((s) => s.unsaved);
  const confirmLeave = useNavigation((s) => s.confirmLeave);
  const cancelLeave = useNavigation((s) => s.cancelLeave);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      danger
      onConfirm={confirmLeave}
      onCancel={cancelLeave}
    >
      <p>You have unsaved changes in {unsaved ?? 'this page'}. Leaving now drops them.</p>
    </ConfirmDialog>
  );
}
