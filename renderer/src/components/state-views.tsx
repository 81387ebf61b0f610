import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api';
import './state-views.css';

export function Loading({ what }: { what: string }) {
  return (
    <div className="state-view state-loading" role="status" aria-live="polite">
      Loading {what}…
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="state-view state-error" role="alert">
      <p>
        {error.message} <span className="muted">({error.code})</span>
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="state-view state-empty" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
