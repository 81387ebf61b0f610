import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import './tabs.css';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/**
 * WAI-ARIA tabs: arrow keys move between tabs, only the selected tab is in the Tab order.
 * The selection is owned by the caller (it lives in the URL).
 */
export function Tabs<K extends string>(props: {
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect(key: K): void;
  children: ReactNode;
}) {
  const base = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = props.tabs.findIndex((t) => t.key === props.selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next: TabItem<K> | undefined;
    if (step !== 0) next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    else if (event.key === 'Home') next = props.tabs[0];
    else if (event.key === 'End') next = props.tabs[props.tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    props.onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tab-list" onKeyDown={onKeyDown}>
        {props.tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
              else refs.current.delete(t.key);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.key}`}
            aria-selected={t.key === props.selected}
            aria-controls={`${base}-panel`}
            tabIndex={t.key === props.selected ? 0 : -1}
            className="tab"
            onClick={() => props.onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-tab-${props.selected}`}
        className="tab-panel"
      >
        {props.children}
      </div>
    </div>
  );
}
