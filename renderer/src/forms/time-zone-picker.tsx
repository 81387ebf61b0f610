import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useNow } from '../app/app-context';
import { allTimeZones, searchTimeZones, wallClockIn } from '../format/zones';
import { FieldErrors } from './fields';

interface TimeZonePickerProps {
  label: string;
  value: string;
  errors?: readonly string[];
  onChange(value: string): void;
}

/**
 * A searchable IANA zone field (an ARIA combobox): typing filters the zones, arrows and Enter
 * pick one, and any text is still allowed (the validator says what is wrong with it). The
 * current wall-clock time in the zone is shown next to it, and per suggestion.
 */
export function TimeZonePicker({ label, value, errors, onChange }: TimeZonePickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const now = useNow(30_000);
  const zones = useMemo(() => allTimeZones(), []);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(
    () => (open ? searchTimeZones(zones, zones.includes(value) ? '' : value) : []),
    [open, zones, value],
  );
  const clock = value ? wallClockIn(value, now) : null;
  useEffect(() => {
    if (active >= 0)
      document.getElementById(`${id}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, active]);
  const invalid = (errors?.length ?? 0) > 0;

  const choose = (zone: string): void => {
    onChange(zone);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(matches.length - 1, a + step)));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field tz-picker">
      <label htmlFor={id}>{label}</label>
      <div className="tz-combo">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Search: berlin, new york, UTC"
          value={value}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-invalid={invalid}
          aria-describedby={`${id}-clock${invalid ? ` ${id}-errors` : ''}`}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {open && matches.length > 0 && (
          <ul id={listId} role="listbox" aria-label="Zones matching the search" className="tz-list">
            {matches.map((zone, i) => (
              <li
                key={zone}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className="tz-option"
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(zone);
                }}
              >
                <span>{zone}</span>
                <span className="muted tabular">{wallClockIn(zone, now)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div id={`${id}-clock`} className="field-hint" aria-live="polite">
        {clock
          ? `Now ${clock} there. The off-hours are wall-clock times in this zone.`
          : 'The off-hours are wall-clock times in this zone.'}
      </div>
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}
