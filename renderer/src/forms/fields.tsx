import { type ReactNode, useId } from 'react';
import './fields.css';

export function FieldErrors({
  id,
  messages,
}: {
  id: string;
  messages: readonly string[] | undefined;
}) {
  if (!messages || messages.length === 0) return null;
  return (
    <div id={id} className="field-errors">
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}

interface FieldProps {
  label: string;
  errors?: readonly string[];
  hint?: ReactNode;
  className?: string;
}

function describedBy(
  errorsId: string,
  hintId: string,
  errors: readonly string[] | undefined,
  hint: ReactNode,
): string | undefined {
  const ids = [errors && errors.length > 0 ? errorsId : '', hint ? hintId : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A labelled text input whose validation messages sit right under it and are announced with it. */
export function TextField(
  props: FieldProps & {
    value: string;
    onChange(value: string): void;
    placeholder?: string;
    readOnly?: boolean;
    list?: string;
    type?: 'text' | 'datetime-local';
  },
) {
  const id = useId();
  const invalid = (props.errors?.length ?? 0) > 0;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        list={props.list}
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, props.errors, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <div id={`${id}-hint`} className="field-hint">
          {props.hint}
        </div>
      )}
      <FieldErrors id={`${id}-errors`} messages={props.errors} />
    </div>
  );
}

/** Empty input = the field is left out (its default applies); anything else is sent as a number. */
export function NumberField(
  props: FieldProps & {
    value: number | undefined;
    onChange(value: number | undefined): void;
    min?: number;
    placeholder?: string;
  },
) {
  const id = useId();
  const invalid = (props.errors?.length ?? 0) > 0;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, props.errors, props.hint)}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      {props.hint && (
        <div id={`${id}-hint`} className="field-hint">
          {props.hint}
        </div>
      )}
      <FieldErrors id={`${id}-errors`} messages={props.errors} />
    </div>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & {
    value: string;
    options: readonly { value: V; label: string }[];
    onChange(value: V): void;
  },
) {
  const id = useId();
  const invalid = (props.errors?.length ?? 0) > 0;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={invalid}
        aria-describedby={describedBy(`${id}-errors`, `${id}-hint`, props.errors, props.hint)}
        onChange={(e) => {
          const found = props.options.find((o) => o.value === e.target.value);
          if (found) props.onChange(found.value);
        }}
      >
        {!props.options.some((o) => o.value === props.value) && (
          <option value={props.value}>{props.value || '(choose)'}</option>
        )}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint && (
        <div id={`${id}-hint`} className="field-hint">
          {props.hint}
        </div>
      )}
      <FieldErrors id={`${id}-errors`} messages={props.errors} />
    </div>
  );
}

export function CheckboxField(
  props: FieldProps & { checked: boolean; onChange(checked: boolean): void },
) {
  const id = useId();
  return (
    <div className={`field field-checkbox ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <div id={`${id}-hint`} className="field-hint">
          {props.hint}
        </div>
      )}
      <FieldErrors id={`${id}-errors`} messages={props.errors} />
    </div>
  );
}
