import { ImportPanel } from './import-panel';

export function ImportView() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>Import</h1>
        <a href="#/plans">Back to plans</a>
      </header>
      <ImportPanel />
    </div>
  );
}
