import type { ImportResult } from '../../../../shared/api';
import { formatRoute } from '../../navigation/route';
import { IssueList } from '../../components/issue-list';

/** One block per document: what it is, whether it was applied, and its problems by field path. */
export function ImportResults({ result }: { result: ImportResult }) {
  return (
    <div className="import-results">
      {result.errors.length > 0 && (
        <IssueList issues={result.errors} label="Problems with the file" />
      )}
      <ol className="import-items" aria-label="Documents">
        {result.items.map((item) => {
          const title = `Document ${item.index + 1}: ${item.kind || 'unknown kind'}${item.name ? ` ${item.name}` : ''}`;
          const state =
            item.errors.length > 0
              ? `${item.errors.length} problem(s)`
              : item.applied
                ? 'imported'
                : result.dryRun
                  ? 'valid'
                  : 'not imported';
          return (
            <li
              key={item.index}
              className={item.errors.length > 0 ? 'import-item import-item-bad' : 'import-item'}
              aria-label={title}
            >
              <div className="import-item-head">
                <strong>{title}</strong> <span className="muted">— {state}</span>
                {item.applied && item.kind === 'HibernatePlan' && item.name && (
                  <a href={formatRoute({ view: 'plan', name: item.name, tab: 'overview' })}>
                    {' '}
                    Open plan
                  </a>
                )}
              </div>
              <IssueList issues={item.errors} label={`Errors in ${title}`} />
              <IssueList issues={item.warnings} kind="warning" label={`Warnings in ${title}`} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
