import { useId, useState } from 'react';
import { parse, stringify } from 'yaml';
import { FieldErrors } from './fields';

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' && Object.keys(value).length === 0) return '';
  return stringify(value, { lineWidth: 0 });
}

/**
 * A free-form object (a target's parameters) typed as YAML. The text the user types is kept
 * as typed; it is only rewritten when the value changes from elsewhere (the YAML pane), so a
 * half-typed line is never reformatted under the cursor.
 */
export function YamlField(props: {
  label: string;
  value: unknown;
  errors?: readonly string[];
  hint?: string;
  onChange(value: unknown): void;
}) {
  const id = useId();
  const [text, setText] = useState(() => toText(props.value));
  const [syntax, setSyntax] = useState<string | null>(null);
  const [emitted, setEmitted] = useState(() => JSON.stringify(props.value ?? null));
  const incoming = JSON.stringify(props.value ?? null);
  if (incoming !== emitted) {
    // Changed from elsewhere: adopt it (React's "adjust state while rendering" pattern).
    setEmitted(incoming);
    setText(toText(props.value));
    setSyntax(null);
  }
  const onText = (next: string): void => {
    setText(next);
    try {
      const value: unknown = next.trim() === '' ? {} : parse(next);
      setSyntax(null);
      setEmitted(JSON.stringify(value ?? null));
      props.onChange(value);
    } catch (error) {
      setSyntax(
        error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
      );
    }
  };
  const messages = [...(syntax ? [`YAML syntax: ${syntax}`] : []), ...(props.errors ?? [])];
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        className="code"
        rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
        spellCheck={false}
        value={text}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => onText(e.target.value)}
      />
      {props.hint && <div className="field-hint">{props.hint}</div>}
      <FieldErrors id={`${id}-errors`} messages={messages} />
    </div>
  );
}
