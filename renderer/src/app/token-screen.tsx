import './token-screen.css';

/**
 * Shown instead of the app when the page has no usable `serve` token: the only fix is the
 * URL that `hibernator serve` printed (it carries a fresh token in its fragment).
 */
export function TokenScreen({ reason }: { reason: 'missing' | 'rejected' }) {
  return (
    <main className="token-screen">
      <div className="card">
        <h1>
          {reason === 'missing'
            ? 'This page needs its access token'
            : 'The access token was not accepted'}
        </h1>
        <p>
          {reason === 'missing'
            ? 'Hibernator’s web UI only answers pages opened through the link it prints.'
            : '`hibernator serve` was probably restarted: every start makes a new token.'}
        </p>
        <p>
          Open the URL printed by <code>hibernator serve</code> — it looks like{' '}
          <code>http://127.0.0.1:4680/#token=…</code>. The token is also in the file{' '}
          <code>serve.token</code> in the data directory.
        </p>
      </div>
    </main>
  );
}
