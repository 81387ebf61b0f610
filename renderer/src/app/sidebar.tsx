import { PHASE_ORDER, PHASE_WORD, countByPhase } from '../format/phase';
import { type Route, formatRoute, sectionOf } from '../navigation/route';
import { useApp, useNavigation, useResource } from './app-context';
import './sidebar.css';

type Section = NonNullable<ReturnType<typeof sectionOf>>;

const ITEMS: readonly { section: Section; label: string; route: Route }[] = [
  { section: 'plans', label: 'Plans', route: { view: 'plans' } },
  { section: 'exceptions', label: 'Exceptions', route: { view: 'exceptions' } },
  { section: 'connections', label: 'Connections', route: { view: 'connections' } },
  { section: 'activity', label: 'Activity', route: { view: 'activity' } },
  { section: 'settings', label: 'Settings', route: { view: 'settings' } },
];

/** Left sidebar: the sections, with plan counts per phase so trouble shows from anywhere. */
export function Sidebar() {
  const { stores } = useApp();
  const current = sectionOf(useNavigation((s) => s.route));
  const plans = useResource(stores.plans).data;
  const exceptions = useResource(stores.exceptions).data;
  const connections = useResource(stores.connections).data;
  const counts = countByPhase((plans ?? []).map((p) => p.phase));
  const countOf = (section: Section): number | undefined =>
    section === 'plans'
      ? plans?.length
      : section === 'exceptions'
        ? exceptions?.length
        : section === 'connections'
          ? connections?.length
          : undefined;

  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="sidebar-inner">
        <div className="sidebar-title">Hibernator</div>
        <ul className="sidebar-items">
          {ITEMS.map((item) => {
            const count = countOf(item.section);
            return (
              <li key={item.section}>
                <a
                  href={formatRoute(item.route)}
                  className="sidebar-link"
                  aria-current={current === item.section ? 'page' : undefined}
                >
                  <span>{item.label}</span>
                  {count !== undefined && <span className="sidebar-count">{count}</span>}
                </a>
                {item.section === 'plans' && counts.size > 0 && (
                  <ul className="phase-counts" aria-label="Plans by phase">
                    {PHASE_ORDER.filter((p) => counts.has(p)).map((p) => (
                      <li key={p} className={`phase-count phase-count-${p}`}>
                        <span className="phase-dot" aria-hidden="true" />
                        {PHASE_WORD[p]} <span className="tabular">{counts.get(p)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
