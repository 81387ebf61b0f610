import {
  CONNECTOR_KIND_FOR_EXECUTOR,
  type Connection,
  EXECUTOR_TYPES,
  type ExecutorType,
} from '../../../../shared/model';
import { type DraftPath, getAt, pathKey, setAt } from '../../forms/draft';
import { FieldErrors, SelectField, TextField } from '../../forms/fields';
import { YamlField } from '../../forms/yaml-field';
import { ParameterFields } from './target-parameters/parameter-fields';
import { parameterTemplate } from './target-parameters/parameter-specs';

interface TargetsEditorProps {
  targets: unknown;
  connections: readonly Connection[];
  path: DraftPath;
  errors: Map<string, string[]>;
  canDryRun: boolean;
  onDryRun(target: string): void;
  onChange(next: unknown[]): void;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function executorOf(value: unknown): ExecutorType | null {
  return EXECUTOR_TYPES.find((t) => t === value) ?? null;
}

/** Targets: name, executor, the connection it talks through, and its parameters (form and YAML). */
export function TargetsEditor({
  targets,
  connections,
  path,
  errors,
  canDryRun,
  onDryRun,
  onChange,
}: TargetsEditorProps) {
  const list = Array.isArray(targets) ? targets : [];
  const err = (...rest: (string | number)[]): string[] | undefined =>
    errors.get(pathKey([...path, ...rest]));
  const set = (rest: (string | number)[], value: unknown): void =>
    onChange(setAt(list, rest, value));

  const setType = (i: number, type: ExecutorType): void => {
    const kind = CONNECTOR_KIND_FOR_EXECUTOR[type];
    const current = getAt(list, [i, 'connectorRef']);
    let next = setAt(list, [i, 'type'], type);
    // Parameters belong to one executor: another type starts from its own (empty) shape.
    next = setAt(next, [i, 'parameters'], parameterTemplate(type));
    // The connection kind follows the executor; a ref of the wrong kind could never be valid.
    if (kind === null) next = setAt(next, [i, 'connectorRef'], undefined);
    else if (getAt(current, ['kind']) !== kind)
      next = setAt(next, [i, 'connectorRef'], {
        kind,
        name: connections.find((c) => c.kind === kind)?.metadata.name ?? '',
      });
    onChange(next);
  };

  return (
    <div className="targets-editor">
      {list.map((t, i) => {
        const type = executorOf(getAt(t, ['type']));
        const kind = type ? CONNECTOR_KIND_FOR_EXECUTOR[type] : null;
        const name = str(getAt(t, ['name']));
        const label = `Target ${i + 1}`;
        const choices = connections
          .filter((c) => c.kind === kind)
          .map((c) => ({ value: c.metadata.name, label: c.metadata.name }));
        return (
          <div key={i} className="repeat-item" role="group" aria-label={label}>
            <div className="field-row">
              <TextField
                label={`${label} name`}
                value={name}
                errors={err(i, 'name')}
                onChange={(v) => set([i, 'name'], v)}
              />
              <SelectField
                label={`${label} type`}
                value={str(getAt(t, ['type']))}
                options={EXECUTOR_TYPES.map((e) => ({ value: e, label: e }))}
                errors={err(i, 'type')}
                onChange={(v) => setType(i, v)}
              />
              {kind && (
                <SelectField
                  label={`${label} connection`}
                  value={str(getAt(t, ['connectorRef', 'name']))}
                  options={choices}
                  errors={[
                    ...(err(i, 'connectorRef') ?? []),
                    ...(err(i, 'connectorRef', 'name') ?? []),
                  ]}
                  hint={
                    choices.length === 0
                      ? `No ${kind} connection yet: add one under Connections.`
                      : undefined
                  }
                  onChange={(v) => set([i, 'connectorRef'], { kind, name: v })}
                />
              )}
            </div>
            {type ? (
              <ParameterFields
                key={type}
                type={type}
                params={getAt(t, ['parameters'])}
                prefix={pathKey([...path, i, 'parameters'])}
                label={label}
                errors={errors}
                onChange={(v) => set([i, 'parameters'], v)}
              />
            ) : (
              <YamlField
                label={`${label} parameters`}
                hint="Pick a type to get its parameter fields."
                value={getAt(t, ['parameters'])}
                errors={err(i, 'parameters')}
                onChange={(v) => set([i, 'parameters'], v)}
              />
            )}
            <FieldErrors id={`target-${i}-errors`} messages={err(i)} />
            <div className="toolbar">
              <button
                type="button"
                onClick={() => onDryRun(name)}
                disabled={!canDryRun || !name}
                title={canDryRun ? undefined : 'Fix the errors first: a dry run needs a valid plan'}
              >
                Dry run {name || label}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(list.filter((_, j) => j !== i))}
              >
                Remove {name || label}
              </button>
            </div>
          </div>
        );
      })}
      <FieldErrors id="targets-errors" messages={errors.get(pathKey(path))} />
      <button
        type="button"
        onClick={() =>
          onChange([...list, { name: `target-${list.length + 1}`, type: 'noop', parameters: {} }])
        }
      >
        Add target
      </button>
    </div>
  );
}
