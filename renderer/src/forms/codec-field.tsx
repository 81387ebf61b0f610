import { type ReactNode, useState } from 'react';
import { formatLabels, parseLabels } from './draft';
import { TextField } from './fields';

interface CodecFieldProps<T> {
  label: string;
  value: unknown;
  errors?: readonly string[];
  hint?: ReactNode;
  placeholder?: string;
  format(value: unknown): string;
  /** `undefined` = the field is left out of the object. */
  parse(text: string): T | undefined;
  onChange(value: T | undefined): void;
}

/**
 * A text input for a structured value (a list, a map). The text is kept as typed ("web, " with
 * the cursor after the comma) and only re-derived when the value changes from elsewhere (the
 * YAML pane), so typing is never reformatted under the cursor.
 */
export function CodecField<T>(props: CodecFieldProps<T>) {
  const { format, parse, onChange } = props;
  const [text, setText] = useState(() => format(props.value));
  const [seen, setSeen] = useState(() => JSON.stringify(props.value ?? null));
  const incoming = JSON.stringify(props.value ?? null);
  if (incoming !== seen) {
    // Changed from elsewhere: adopt it (React's "adjust state while rendering" pattern).
    setSeen(incoming);
    setText(format(props.value));
  }
  const onText = (next: string): void => {
    const value = parse(next);
    setText(next);
    setSeen(JSON.stringify(value ?? null));
    onChange(value);
  };
  return (
    <TextField
      label={props.label}
      value={text}
      placeholder={props.placeholder}
      hint={props.hint}
      errors={props.errors}
      onChange={onText}
    />
  );
}

/** "a, b c" ↔ `['a', 'b', 'c']`; blank is "no list". */
export function parseList(text: string): string[] | undefined {
  const items = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

export function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => String(v)).join(', ') : '';
}

type FieldOf<T> = Omit<CodecFieldProps<T>, 'format' | 'parse'>;

/** A list of names or ids, separated by commas or spaces. */
export function ListField(props: FieldOf<string[]>) {
  return <CodecField {...props} format={formatList} parse={parseList} />;
}

/** `key=value` pairs separated by commas (tags, labels); `key` alone means an empty value. */
export function MapField(props: FieldOf<Record<string, string>>) {
  return <CodecField {...props} format={formatLabels} parse={parseLabels} />;
}
