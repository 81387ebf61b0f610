import { useState } from 'react';
import type { ConnectionTestResult } from '../../../../shared/api';
import { toApiError } from '../../transport/envelope';
import './connections.css';

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: ConnectionTestResult }
  | { status: 'failed'; message: string };

/**
 * "Test connection": asks the engine to reach the account or cluster and shows who answered
 * (account and identity, server version) or why not, with the fix the engine suggests.
 */
export function ConnectionTest({
  run,
  disabled,
  disabledReason,
  buttonLabel = 'Test connection',
}: {
  run: () => Promise<ConnectionTestResult>;
  disabled?: boolean;
  disabledReason?: string;
  buttonLabel?: string;
}) {
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const start = (): void => {
    setState({ status: 'running' });
    run().then(
      (result) => setState({ status: 'done', result }),
      (e: unknown) => setState({ status: 'failed', message: toApiError(e).message }),
    );
  };
  return (
    <div className="connection-test">
      <button
        type="button"
        onClick={start}
        disabled={disabled || state.status === 'running'}
        title={disabled ? disabledReason : undefined}
      >
        {buttonLabel}
      </button>
      <TestOutcome state={state} />
    </div>
  );
}

function TestOutcome({ state }: { state: TestState }) {
  if (state.status === 'idle')
    return <span className="connection-test-result" aria-live="polite" />;
  if (state.status === 'running')
    return (
      <span className="connection-test-result muted" role="status">
        Testing…
      </span>
    );
  if (state.status === 'failed')
    return (
      <span className="connection-test-result issue-error" role="alert">
        The test could not run: {state.message}
      </span>
    );
  const r = state.result;
  if (!r.ok)
    return (
      <span className="connection-test-result issue-error" role="alert">
        ✗ {r.message}
        {r.code ? <span className="muted"> ({r.code})</span> : null}
      </span>
    );
  return (
    <span className="connection-test-result connection-test-ok" role="status">
      ✓ Connected
      {r.account ? ` to account ${r.account}` : ''}: {r.message}
    </span>
  );
}
