import { useId, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Edits one resource's captured state as JSON; the engine validates it with the executor's schema. */
export function PatchDialog(props: {
  target: string;
  resourceKey: string;
  initial: unknown;
  onConfirm(state: unknown): void;
  onCancel(): void;
}) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(props.initial, null, 2));
  const parsed = parse(text);
  return (
    <ConfirmDialog
      title={`Patch ${props.resourceKey}?`}
      confirmLabel="Save patch"
      busy={!parsed.ok}
      onConfirm={() => parsed.ok && props.onConfirm(parsed.value)}
      onCancel={props.onCancel}
    >
      <p>
        At the next wake-up, {props.target} restores {props.resourceKey} from this state instead of
        what was captured.
      </p>
      <label htmlFor={id}>State (JSON)</label>
      <textarea
        id={id}
        className="code patch-text"
        rows={10}
        spellCheck={false}
        value={text}
        aria-invalid={!parsed.ok}
        onChange={(e) => setText(e.target.value)}
      />
      {!parsed.ok && <p className="issue-error">Not valid JSON: {parsed.message}</p>}
    </ConfirmDialog>
  );
}
