import type { ReactNode } from 'react';
import type { ActionState } from '../app/use-action';
import { IssueList } from './issue-list';
import './feedback.css';

/**
 * The outcome of the last action: the engine's message, or its error with field issues.
 * `children` are follow-up buttons shown with a success (e.g. Undo).
 */
export function Feedback({
  state,
  onDismiss,
  children,
}: {
  state: ActionState;
  onDismiss?: () => void;
  children?: ReactNode;
}) {
  if (state.status === 'idle')
    return <div className="feedback feedback-empty" aria-live="polite" />;
  if (state.status === 'running') {
    return (
      <div className="feedback feedback-running" role="status" aria-live="polite">
        {state.label}…
      </div>
    );
  }
  if (state.status === 'done') {
    return (
      <div className="feedback feedback-done" role="status" aria-live="polite">
        <span>{state.message}</span>
        {children}
        {onDismiss && (
          <button
            type="button"
            className="link-button"
            onClick={onDismiss}
            aria-label="Dismiss message"
          >
            ✕
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="feedback feedback-failed" role="alert">
      <span>
        {state.error.message} <span className="muted">({state.error.code})</span>
      </span>
      {state.error.issues && state.error.issues.length > 0 && (
        <IssueList issues={state.error.issues} />
      )}
      {onDismiss && (
        <button
          type="button"
          className="link-button"
          onClick={onDismiss}
          aria-label="Dismiss error"
        >
          ✕
        </button>
      )}
    </div>
  );
}
