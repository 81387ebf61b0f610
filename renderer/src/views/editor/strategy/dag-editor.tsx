import { type DraftPath, getAt, pathKey } from '../../../forms/draft';
import { FieldErrors, SelectField } from '../../../forms/fields';
import { DagGraph } from './dag-graph';

interface DagEditorProps {
  dependencies: unknown[];
  targetNames: readonly string[];
  /** Path of the strategy, for matching validation messages. */
  path: DraftPath;
  errors: Map<string, string[]>;
  onChange(next: unknown[] | undefined): void;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** DAG dependencies as from → to pairs of selects, with the resulting order drawn below. */
export function DagEditor({ dependencies, targetNames, path, errors, onChange }: DagEditorProps) {
  const err = (...rest: (string | number)[]): string[] | undefined =>
    errors.get(pathKey([...path, 'dependencies', ...rest]));
  const options = targetNames.map((t) => ({ value: t, label: t }));
  const update = (i: number, key: 'from' | 'to', value: string): void =>
    onChange(
      dependencies.map((d, j) =>
        j === i ? { from: '', to: '', ...(typeof d === 'object' ? d : {}), [key]: value } : d,
      ),
    );
  const pairs = dependencies.map((d) => ({
    from: str(getAt(d, ['from'])),
    to: str(getAt(d, ['to'])),
  }));

  return (
    <div role="group" aria-label="Dependencies" className="dag-editor">
      <h3 className="form-subtitle">Dependencies (“from” shuts down before “to”)</h3>
      {dependencies.length === 0 && (
        <p className="muted">None yet: without dependencies every target runs at once.</p>
      )}
      {pairs.map((d, i) => (
        <div key={i} className="field-row repeat-item">
          <SelectField
            label={`Dependency ${i + 1} from`}
            value={d.from}
            options={options}
            errors={err(i, 'from')}
            onChange={(v) => update(i, 'from', v)}
          />
          <SelectField
            label={`Dependency ${i + 1} to`}
            value={d.to}
            options={options}
            errors={err(i, 'to')}
            onChange={(v) => update(i, 'to', v)}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const rest = dependencies.filter((_, j) => j !== i);
              onChange(rest.length > 0 ? rest : undefined);
            }}
          >
            Remove dependency {i + 1}
          </button>
          <FieldErrors id={`dependency-${i}-errors`} messages={err(i)} />
        </div>
      ))}
      <FieldErrors id="dag-errors" messages={err()} />
      <button
        type="button"
        disabled={targetNames.length < 2}
        onClick={() =>
          onChange([...dependencies, { from: targetNames[0] ?? '', to: targetNames[1] ?? '' }])
        }
      >
        Add dependency
      </button>
      <DagGraph targets={targetNames} dependencies={pairs} />
    </div>
  );
}
