import { useState } from 'react';
import type { DiscoverResult } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { DryRunResult } from '../../components/dry-run-result';
import { Feedback } from '../../components/feedback';

/** Dry run of the saved plan, whole or one target: what each target would touch right now. */
export function DryRunPanel({ plan, targets }: { plan: string; targets: readonly string[] }) {
  const { transport } = useApp();
  const action = useAction();
  const [result, setResult] = useState<DiscoverResult | null>(null);
  const [target, setTarget] = useState('');

  const run = async (): Promise<void> => {
    setResult(null);
    const input = target ? { plan, target } : { plan };
    const r = await action.run(
      'Running a dry run',
      () => transport.call('discover', input),
      (d) => `Dry run: ${d.summary}`,
    );
    if (r) setResult(r);
  };

  return (
    <section className="tab-section dry-run" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run</h2>
      <p className="muted">Lists what a shutdown would do right now, without changing anything.</p>
      <div className="toolbar">
        <label>
          Target{' '}
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">All targets</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => void run()}
          disabled={action.state.status === 'running'}
        >
          Dry run
        </button>
      </div>
      <Feedback state={action.state} />
      {result && <DryRunResult result={result} />}
    </section>
  );
}
