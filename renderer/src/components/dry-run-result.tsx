import type { DiscoverResult } from '../../../shared/api';

/** Per target: the planned action for each resource, or why the target could not be checked. */
export function DryRunResult({ result }: { result: DiscoverResult }) {
  return (
    <div className="dry-run-result" aria-label="Dry run result">
      {result.targets.map((t) => (
        <div key={t.target} className="dry-run-target">
          <h3>
            {t.target} <span className="muted">({t.executor})</span>
          </h3>
          {t.disabled && <p className="muted">Disabled by an exception: it sits this cycle out.</p>}
          {t.error && (
            <p className="issue-error" role="alert">
              {t.error.message} <span className="muted">({t.error.code})</span>
            </p>
          )}
          {!t.disabled && !t.error && t.actions.length === 0 && (
            <p className="muted">Nothing to do.</p>
          )}
          {t.actions.length > 0 && (
            <ul>
              {t.actions.map((a) => (
                <li key={a.key}>
                  <strong>{a.action}</strong> <code>{a.key}</code> — {a.description}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
