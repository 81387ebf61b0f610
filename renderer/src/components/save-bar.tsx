/** The editor header's right side: validity at a glance, Cancel, and Save (disabled while invalid or saving). */
export function SaveBar(props: {
  valid: boolean;
  dirty: boolean;
  problems: number;
  cancelHref: string;
  saving: boolean;
  onSave: () => void;
}) {
  const { valid, dirty, problems, cancelHref, saving, onSave } = props;
  return (
    <div className="toolbar">
      <span role="status" className={valid ? 'muted' : 'issue-error'}>
        {valid
          ? dirty
            ? 'Valid — not saved yet'
            : 'Valid — no changes'
          : `${problems} problem(s) to fix`}
      </span>
      <a className="button" href={cancelHref}>
        Cancel
      </a>
      <button type="button" className="primary" disabled={!valid || saving} onClick={onSave}>
        Save
      </button>
    </div>
  );
}
