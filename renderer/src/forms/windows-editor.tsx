import { DAYS } from '../../../shared/model';
import { type DraftPath, getAt, pathKey } from './draft';
import { FieldErrors, TextField } from './fields';

interface WindowsEditorProps {
  /** The array of `{ start, end, daysOfWeek }` being edited (may be malformed). */
  windows: unknown;
  /** Where the array sits in the object, for matching validation messages to fields. */
  path: DraftPath;
  errors: Map<string, string[]>;
  onChange(next: unknown[]): void;
}

const NEW_WINDOW = {
  start: '19:00',
  end: '07:00',
  daysOfWeek: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
};

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? ''
      : String(value);
}

/** Off-hour windows: start and end times and a toggle per day, each with its own messages. */
export function WindowsEditor({ windows, path, errors, onChange }: WindowsEditorProps) {
  const list = asList(windows);
  const update = (index: number, key: string, value: unknown): void => {
    const current = list[index];
    const base = typeof current === 'object' && current !== null ? current : {};
    onChange(list.map((w, i) => (i === index ? { ...base, [key]: value } : w)));
  };
  return (
    <div className="windows-editor">
      {list.map((w, i) => {
        const days = asList(getAt(w, ['daysOfWeek'])).map((d) => str(d).toUpperCase());
        const at = (...rest: (string | number)[]): string[] | undefined =>
          errors.get(pathKey([...path, i, ...rest]));
        const dayErrors = [
          ...(at('daysOfWeek') ?? []),
          ...days.flatMap((_, d) => at('daysOfWeek', d) ?? []),
        ];
        return (
          <div key={i} className="repeat-item" role="group" aria-label={`Window ${i + 1}`}>
            <div className="field-row">
              <TextField
                label={`Window ${i + 1} start`}
                value={str(getAt(w, ['start']))}
                placeholder="19:00"
                errors={at('start')}
                onChange={(v) => update(i, 'start', v)}
              />
              <TextField
                label={`Window ${i + 1} end`}
                value={str(getAt(w, ['end']))}
                placeholder="07:00"
                errors={at('end')}
                onChange={(v) => update(i, 'end', v)}
              />
            </div>
            <div className="day-toggles" role="group" aria-label={`Window ${i + 1} days`}>
              {DAYS.map((day) => {
                const on = days.includes(day);
                return (
                  <button
                    key={day}
                    type="button"
                    className="day-toggle"
                    aria-pressed={on}
                    onClick={() =>
                      update(
                        i,
                        'daysOfWeek',
                        on
                          ? days.filter((d) => d !== day)
                          : DAYS.filter((d) => d === day || days.includes(d)),
                      )
                    }
                  >
                    {day}
                  </button>
                );
              })}
            </div>
            <FieldErrors id={`window-${pathKey(path)}-${i}-days`} messages={dayErrors} />
            <FieldErrors id={`window-${pathKey(path)}-${i}`} messages={at()} />
            <button
              type="button"
              className="link-button remove-button"
              onClick={() => onChange(list.filter((_, j) => j !== i))}
            >
              Remove window {i + 1}
            </button>
          </div>
        );
      })}
      <FieldErrors id={`windows-${pathKey(path)}`} messages={errors.get(pathKey(path))} />
      <button type="button" onClick={() => onChange([...list, NEW_WINDOW])}>
        Add window
      </button>
    </div>
  );
}
