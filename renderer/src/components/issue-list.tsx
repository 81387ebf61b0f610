import type { Issue } from '../../../shared/model';
import './issue-list.css';

/** Problems with the field path they belong to, as the engine and `validatePlan` report them. */
export function IssueList({
  issues,
  kind = 'error',
  label,
}: {
  issues: readonly Issue[];
  kind?: 'error' | 'warning';
  label?: string;
}) {
  if (issues.length === 0) return null;
  return (
    <ul
      className={`issue-list issue-${kind}`}
      aria-label={label ?? (kind === 'error' ? 'Errors' : 'Warnings')}
    >
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          {issue.path && <code className="issue-path">{issue.path}</code>}
          <span className="issue-message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
