import { type ChangeEvent, useId, useState } from 'react';
import type { ImportResult } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { Feedback } from '../../components/feedback';
import { ImportResults } from './import-results';
import './import.css';

function summary(result: ImportResult): string {
  if (!result.ok) {
    const bad =
      result.items.filter((i) => i.errors.length > 0).length + (result.errors.length > 0 ? 1 : 0);
    return `Nothing was imported: ${bad} document(s) have problems. Fix them and try again.`;
  }
  const names = result.items.map((i) => `${i.kind} ${i.name ?? ''}`.trim()).join(', ');
  return result.dryRun
    ? `Everything is valid: ${names}. Nothing was saved yet.`
    : `Imported ${result.items.length} object(s): ${names}.`;
}

/**
 * Operator YAML in, by file or by paste. All or nothing: the engine imports only when every
 * document is valid, and each problem is listed under its document with its field path.
 */
export function ImportPanel() {
  const { transport } = useApp();
  const textId = useId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const action = useAction();

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
    setResult(null);
    action.reset();
  };

  const submit = async (dryRun: boolean): Promise<void> => {
    setResult(null);
    const r = await action.run(
      dryRun ? 'Checking' : 'Importing',
      () => transport.call('importYaml', { yaml: text, dryRun }),
      summary,
    );
    if (r && r.ok && !r.dryRun) setText('');
    if (r) setResult(r);
  };

  return (
    <section className="import-panel card" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`}>Import YAML</h2>
      <p className="muted">
        HibernatePlan, ScheduleException, CloudProvider and K8SCluster objects, as the Hibernator
        operator uses them. Several documents can be separated by <code>---</code>.
      </p>
      <div className="toolbar">
        <label className="button">
          Choose a file…
          <input
            type="file"
            accept=".yaml,.yml,.json,text/yaml,application/json"
            className="visually-hidden"
            aria-label="YAML file"
            onChange={(e) => void onFile(e)}
          />
        </label>
        {fileName && <span className="muted">{fileName}</span>}
      </div>
      <label htmlFor={textId} className="import-label">
        YAML to import
      </label>
      <textarea
        id={textId}
        className="code import-text"
        rows={12}
        spellCheck={false}
        value={text}
        placeholder={'apiVersion: hibernator.ardikabs.com/v1alpha1\nkind: HibernatePlan\n…'}
        onChange={(e) => {
          setText(e.target.value);
          setResult(null);
        }}
      />
      <div className="toolbar">
        <button
          type="button"
          onClick={() => void submit(true)}
          disabled={text.trim() === '' || action.state.status === 'running'}
        >
          Check
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void submit(false)}
          disabled={text.trim() === '' || action.state.status === 'running'}
        >
          Import
        </button>
      </div>
      {result ? (
        <div
          role={result.ok ? 'status' : 'alert'}
          className={`import-summary ${result.ok ? 'import-ok' : 'import-failed'}`}
        >
          {summary(result)}
        </div>
      ) : (
        <Feedback state={action.state} />
      )}
      {result && <ImportResults result={result} />}
    </section>
  );
}
