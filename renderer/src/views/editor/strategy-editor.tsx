import { STRATEGY_TYPES } from '../../../../shared/model';
import { type DraftPath, getAt, pathKey, setAt } from '../../forms/draft';
import {
  CheckboxField,
  FieldErrors,
  NumberField,
  SelectField,
  TextField,
} from '../../forms/fields';

interface StrategyEditorProps {
  strategy: unknown;
  targetNames: readonly string[];
  path: DraftPath;
  errors: Map<string, string[]>;
  onChange(next: unknown): void;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const HINT: Readonly<Record<string, string>> = {
  Sequential: 'One target after the other, in the order listed; wake-up runs in reverse.',
  Parallel: 'All targets at once (at most “max concurrency” at a time).',
  DAG: 'Dependencies decide the order: “from” shuts down before “to” and wakes up after it.',
  Staged: 'Stages run one after the other; every target must be in exactly one stage.',
};

/** Execution strategy: the type, and the dependencies or stages it needs. */
export function StrategyEditor({
  strategy,
  targetNames,
  path,
  errors,
  onChange,
}: StrategyEditorProps) {
  const type = str(getAt(strategy, ['type']));
  const err = (...rest: (string | number)[]): string[] | undefined =>
    errors.get(pathKey([...path, ...rest]));
  const set = (rest: (string | number)[], value: unknown): void =>
    onChange(setAt(strategy, rest, value));
  const deps = list(getAt(strategy, ['dependencies']));
  const stages = list(getAt(strategy, ['stages']));
  const targetOptions = targetNames.map((t) => ({ value: t, label: t }));

  return (
    <div className="strategy-editor">
      <SelectField
        label="Strategy"
        value={type}
        options={STRATEGY_TYPES.map((t) => ({ value: t, label: t }))}
        errors={err('type')}
        hint={HINT[type]}
        onChange={(v) => set(['type'], v)}
      />
      {(type === 'Parallel' || type === 'DAG') && (
        <NumberField
          label="Max concurrency"
          min={1}
          value={num(getAt(strategy, ['maxConcurrency']))}
          placeholder="no limit"
          errors={err('maxConcurrency')}
          onChange={(v) => set(['maxConcurrency'], v)}
        />
      )}
      {type === 'DAG' && (
        <div role="group" aria-label="Dependencies">
          {deps.map((d, i) => (
            <div key={i} className="field-row repeat-item">
              <SelectField
                label={`Dependency ${i + 1} from`}
                value={str(getAt(d, ['from']))}
                options={targetOptions}
                errors={err('dependencies', i, 'from')}
                onChange={(v) => set(['dependencies', i, 'from'], v)}
              />
              <SelectField
                label={`Dependency ${i + 1} to`}
                value={str(getAt(d, ['to']))}
                options={targetOptions}
                errors={err('dependencies', i, 'to')}
                onChange={(v) => set(['dependencies', i, 'to'], v)}
              />
              <button
                type="button"
                className="link-button"
                onClick={() => set(['dependencies', i], undefined)}
              >
                Remove dependency {i + 1}
              </button>
            </div>
          ))}
          <FieldErrors id="dag-errors" messages={err('dependencies')} />
          <button
            type="button"
            onClick={() =>
              set(
                ['dependencies'],
                [...deps, { from: targetNames[0] ?? '', to: targetNames[1] ?? '' }],
              )
            }
          >
            Add dependency
          </button>
        </div>
      )}
      {type === 'Staged' && (
        <div role="group" aria-label="Stages">
          {stages.map((stage, i) => {
            const members = list(getAt(stage, ['targets'])).map(str);
            return (
              <div key={i} className="repeat-item" role="group" aria-label={`Stage ${i + 1}`}>
                <div className="field-row">
                  <TextField
                    label={`Stage ${i + 1} name`}
                    value={str(getAt(stage, ['name']))}
                    errors={err('stages', i, 'name')}
                    onChange={(v) => set(['stages', i, 'name'], v)}
                  />
                  <NumberField
                    label={`Stage ${i + 1} max concurrency`}
                    min={1}
                    value={num(getAt(stage, ['maxConcurrency']))}
                    placeholder="no limit"
                    errors={err('stages', i, 'maxConcurrency')}
                    onChange={(v) => set(['stages', i, 'maxConcurrency'], v)}
                  />
                </div>
                <CheckboxField
                  label={`Stage ${i + 1} runs its targets in parallel`}
                  checked={getAt(stage, ['parallel']) !== false}
                  onChange={(v) => set(['stages', i, 'parallel'], v)}
                />
                <div className="toolbar" role="group" aria-label={`Stage ${i + 1} targets`}>
                  {targetNames.map((t) => (
                    <CheckboxField
                      key={t}
                      label={t}
                      checked={members.includes(t)}
                      onChange={(on) =>
                        set(
                          ['stages', i, 'targets'],
                          on ? [...members, t] : members.filter((m) => m !== t),
                        )
                      }
                    />
                  ))}
                </div>
                <FieldErrors
                  id={`stage-${i}-errors`}
                  messages={[...(err('stages', i) ?? []), ...(err('stages', i, 'targets') ?? [])]}
                />
                <button
                  type="button"
                  className="link-button"
                  onClick={() => set(['stages', i], undefined)}
                >
                  Remove stage {i + 1}
                </button>
              </div>
            );
          })}
          <FieldErrors id="stages-errors" messages={err('stages')} />
          <button
            type="button"
            onClick={() =>
              set(
                ['stages'],
                [...stages, { name: `stage-${stages.length + 1}`, parallel: true, targets: [] }],
              )
            }
          >
            Add stage
          </button>
        </div>
      )}
      <FieldErrors id="strategy-errors" messages={err()} />
    </div>
  );
}
