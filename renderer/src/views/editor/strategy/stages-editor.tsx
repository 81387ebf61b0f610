import { type DragEvent, useId, useRef, useState } from 'react';
import { type DraftPath, getAt, pathKey, setAt } from '../../../forms/draft';
import { CheckboxField, FieldErrors, NumberField, TextField } from '../../../forms/fields';
import { moveToStage, stageOf, stageTargets } from './stage-moves';

interface StagesEditorProps {
  stages: unknown[];
  targetNames: readonly string[];
  /** Path of the strategy, for matching validation messages. */
  path: DraftPath;
  errors: Map<string, string[]>;
  onChange(next: unknown[]): void;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const UNASSIGNED = -1;

/**
 * Staged strategy: stages run one after the other. Targets are dragged between stages, or —
 * from the keyboard — given a stage with the select next to their name.
 */
export function StagesEditor({ stages, targetNames, path, errors, onChange }: StagesEditorProps) {
  const selectId = useId();
  const dragged = useRef<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const err = (...rest: (string | number)[]): string[] | undefined =>
    errors.get(pathKey([...path, 'stages', ...rest]));
  const members = (i: number): string[] => stageTargets(stages[i]);
  const unassigned = targetNames.filter((t) => stageOf(stages, t) === UNASSIGNED);
  const move = (target: string, stage: number): void =>
    onChange(moveToStage(stages, target, stage));

  const zone = (stage: number) => ({
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== stage) setOver(stage);
    },
    onDragLeave: () => setOver(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(null);
      const target = e.dataTransfer.getData('text/plain') || dragged.current;
      if (target && targetNames.includes(target)) move(target, stage);
    },
    className: `stage-zone${over === stage ? ' stage-zone-over' : ''}`,
  });
  const chip = (t: string) => (
    <li
      key={t}
      className="stage-chip"
      draggable
      onDragStart={(e) => {
        dragged.current = t;
        e.dataTransfer.setData('text/plain', t);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => (dragged.current = null)}
    >
      {t}
    </li>
  );

  return (
    <div role="group" aria-label="Stages" className="stages-editor">
      <div className="stage-columns">
        {stages.map((stage, i) => (
          <div
            key={i}
            className="repeat-item stage-card"
            role="group"
            aria-label={`Stage ${i + 1}`}
          >
            <div className="field-row">
              <TextField
                label={`Stage ${i + 1} name`}
                value={str(getAt(stage, ['name']))}
                errors={err(i, 'name')}
                onChange={(v) => onChange(setAt(stages, [i, 'name'], v))}
              />
              <NumberField
                label={`Stage ${i + 1} max concurrency`}
                min={1}
                value={num(getAt(stage, ['maxConcurrency']))}
                placeholder="no limit"
                errors={err(i, 'maxConcurrency')}
                onChange={(v) => onChange(setAt(stages, [i, 'maxConcurrency'], v))}
              />
            </div>
            <CheckboxField
              label={`Stage ${i + 1} runs its targets in parallel`}
              checked={getAt(stage, ['parallel']) === true}
              onChange={(v) => onChange(setAt(stages, [i, 'parallel'], v))}
            />
            <ul aria-label={`Stage ${i + 1} targets`} {...zone(i)}>
              {members(i).map(chip)}
              {members(i).length === 0 && <li className="muted stage-empty">Drop targets here</li>}
            </ul>
            <FieldErrors
              id={`stage-${i}-errors`}
              messages={[...(err(i) ?? []), ...(err(i, 'targets') ?? [])]}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(stages.filter((_, j) => j !== i))}
            >
              Remove stage {i + 1}
            </button>
          </div>
        ))}
        <div className="stage-card stage-card-unassigned">
          <h4 className="form-subtitle">Not in a stage</h4>
          <ul aria-label="Targets not in a stage" {...zone(UNASSIGNED)}>
            {unassigned.map(chip)}
            {unassigned.length === 0 && (
              <li className="muted stage-empty">Every target has a stage</li>
            )}
          </ul>
        </div>
      </div>
      <FieldErrors id="stages-errors" messages={err()} />
      <button
        type="button"
        onClick={() =>
          onChange([...stages, { name: `stage-${stages.length + 1}`, parallel: true, targets: [] }])
        }
      >
        Add stage
      </button>
      <div className="stage-assign" role="group" aria-label="Stage of each target">
        {targetNames.map((t, k) => (
          <div key={t} className="stage-assign-row">
            <label htmlFor={`${selectId}-${k}`}>Stage of {t}</label>
            <select
              id={`${selectId}-${k}`}
              value={stageOf(stages, t)}
              onChange={(e) => move(t, Number(e.target.value))}
            >
              <option value={UNASSIGNED}>(none)</option>
              {stages.map((s, i) => (
                <option key={i} value={i}>
                  {i + 1}: {str(getAt(s, ['name'])) || '(unnamed)'}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </div>
  );
}
