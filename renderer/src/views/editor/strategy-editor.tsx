import { STRATEGY_TYPES } from '../../../../shared/model';
import { type DraftPath, getAt, pathKey, setAt } from '../../forms/draft';
import { FieldErrors, NumberField, SelectField } from '../../forms/fields';
import { DagEditor } from './strategy/dag-editor';
import { StagesEditor } from './strategy/stages-editor';

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
  const type =
    typeof getAt(strategy, ['type']) === 'string' ? String(getAt(strategy, ['type'])) : '';
  const err = (...rest: (string | number)[]): string[] | undefined =>
    errors.get(pathKey([...path, ...rest]));
  const set = (rest: (string | number)[], value: unknown): void =>
    onChange(setAt(strategy, rest, value));
  const maxConcurrency = getAt(strategy, ['maxConcurrency']);

  const setType = (next: string): void => {
    let s = setAt(strategy, ['type'], next);
    // Fields of another type would only draw "not used by this strategy" warnings.
    if (next !== 'DAG') s = setAt(s, ['dependencies'], undefined);
    if (next !== 'Staged') s = setAt(s, ['stages'], undefined);
    if (next !== 'Parallel' && next !== 'DAG') s = setAt(s, ['maxConcurrency'], undefined);
    if (next === 'Staged' && list(getAt(s, ['stages'])).length === 0)
      s = setAt(s, ['stages'], [{ name: 'stage-1', parallel: true, targets: [...targetNames] }]);
    onChange(s);
  };

  return (
    <div className="strategy-editor">
      <SelectField
        label="Strategy"
        value={type}
        options={STRATEGY_TYPES.map((t) => ({ value: t, label: t }))}
        errors={err('type')}
        hint={HINT[type]}
        onChange={setType}
      />
      {(type === 'Parallel' || type === 'DAG') && (
        <NumberField
          label="Max concurrency"
          min={1}
          value={typeof maxConcurrency === 'number' ? maxConcurrency : undefined}
          placeholder="no limit"
          errors={err('maxConcurrency')}
          onChange={(v) => set(['maxConcurrency'], v)}
        />
      )}
      {type === 'DAG' && (
        <DagEditor
          dependencies={list(getAt(strategy, ['dependencies']))}
          targetNames={targetNames}
          path={path}
          errors={errors}
          onChange={(v) => set(['dependencies'], v)}
        />
      )}
      {type === 'Staged' && (
        <StagesEditor
          stages={list(getAt(strategy, ['stages']))}
          targetNames={targetNames}
          path={path}
          errors={errors}
          onChange={(v) => set(['stages'], v)}
        />
      )}
      <FieldErrors id="strategy-errors" messages={err()} />
    </div>
  );
}
