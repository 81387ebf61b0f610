import { useState } from 'react';
import type { ExecutorType } from '../../../../../shared/model';
import { ListField, MapField } from '../../../forms/codec-field';
import { getAt, pathKey, setAt } from '../../../forms/draft';
import {
  CheckboxField,
  FieldErrors,
  NumberField,
  SelectField,
  TextField,
} from '../../../forms/fields';
import { YamlField } from '../../../forms/yaml-field';
import { PARAMETER_FIELDS, type ParameterField } from './parameter-specs';
import { routeParameterErrors } from './route-errors';

interface ParameterFieldsProps {
  type: ExecutorType;
  /** The target's `parameters` (may be malformed while typing). */
  params: unknown;
  /** `spec.targets[i].parameters`, the prefix of the validation paths. */
  prefix: string;
  /** "Target 1": every label starts with it, so each control has a unique name. */
  label: string;
  errors: ReadonlyMap<string, readonly string[]>;
  onChange(next: unknown): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys the form does not cover (a tagSelector, a workloadSelector): the YAML box opens for them. */
function hasUncovered(params: unknown, fields: readonly ParameterField[]): boolean {
  if (!isRecord(params)) return false;
  const covered = (path: string[]): boolean =>
    fields.some((f) => f.path.length >= path.length && path.every((p, i) => f.path[i] === p));
  const walk = (value: unknown, path: string[]): boolean =>
    isRecord(value)
      ? Object.entries(value).some(([k, v]) => {
          const next = [...path, k];
          if (!covered(next)) return true;
          return fields.some((f) => pathKey(f.path) === pathKey(next)) ? false : walk(v, next);
        })
      : false;
  return walk(params, []);
}

function names(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => (isRecord(v) && typeof v.name === 'string' ? v.name : String(v)));
}

/**
 * The common parameters of one executor type as form fields, each with its own messages, and
 * the whole `parameters` object as YAML below them for everything else.
 */
export function ParameterFields(props: ParameterFieldsProps) {
  const { type, params, prefix, label, errors, onChange } = props;
  const fields = PARAMETER_FIELDS[type];
  const [open, setOpen] = useState(() => hasUncovered(params, fields));
  const routed = routeParameterErrors(
    errors,
    prefix,
    fields.map((f) => f.path),
  );
  const set = (path: readonly string[], value: unknown): void =>
    onChange(setAt(isRecord(params) ? params : {}, path, value));

  const render = (f: ParameterField) => {
    const value = getAt(params, f.path);
    const common = {
      label: `${label} ${f.label}`,
      errors: routed.byField.get(pathKey(f.path)),
      hint: f.hint,
    };
    switch (f.kind) {
      case 'list':
        return (
          <ListField
            {...common}
            value={value}
            placeholder={f.placeholder}
            onChange={(v) => set(f.path, v)}
          />
        );
      case 'names':
        return (
          <ListField
            {...common}
            value={names(value)}
            placeholder={f.placeholder}
            onChange={(v) =>
              set(
                f.path,
                v?.map((name) => ({ name })),
              )
            }
          />
        );
      case 'map':
        return (
          <MapField
            {...common}
            value={value}
            placeholder={f.placeholder}
            onChange={(v) => set(f.path, v)}
          />
        );
      case 'text':
        return (
          <TextField
            {...common}
            value={typeof value === 'string' ? value : ''}
            placeholder={f.placeholder}
            onChange={(v) => set(f.path, v === '' ? undefined : v)}
          />
        );
      case 'number':
        return (
          <NumberField
            {...common}
            value={typeof value === 'number' ? value : undefined}
            placeholder={f.placeholder}
            onChange={(v) => set(f.path, v)}
          />
        );
      case 'check':
        return (
          <CheckboxField
            {...common}
            checked={value === true}
            onChange={(v) => set(f.path, v ? true : undefined)}
          />
        );
      case 'select':
        return (
          <SelectField
            {...common}
            value={typeof value === 'string' ? value : (f.options[0] ?? '')}
            options={f.options.map((o) => ({ value: o, label: o }))}
            onChange={(v) => set(f.path, v === f.options[0] ? undefined : v)}
          />
        );
    }
  };

  return (
    <div className="parameter-fields" role="group" aria-label={`${label} parameters`}>
      <div className="field-row">
        {fields
          .filter((f) => f.kind !== 'check')
          .map((f) => (
            <div key={pathKey(f.path)} className="parameter-field">
              {render(f)}
            </div>
          ))}
      </div>
      <div className="field-row">
        {fields
          .filter((f) => f.kind === 'check')
          .map((f) => (
            <div key={pathKey(f.path)}>{render(f)}</div>
          ))}
      </div>
      <FieldErrors id={`${prefix}-rest`} messages={routed.rest} />
      <details
        className="parameter-yaml"
        open={open}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>All parameters as YAML</summary>
        <YamlField
          label={`${label} parameters (YAML)`}
          hint="Every parameter of the executor, including those without a field above."
          value={params}
          onChange={onChange}
        />
      </details>
    </div>
  );
}
