import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { downloadText } from '../../format/download';

/** Every plan as operator YAML in one file, ready for `kubectl apply -f`. */
export function ExportAllButton() {
  const { transport } = useApp();
  const action = useAction();
  const run = async (): Promise<void> => {
    const result = await action.run(
      'Exporting',
      () => transport.call('exportYaml', {}),
      () => 'Exported',
    );
    if (result) downloadText('hibernator-plans.yaml', result.yaml);
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={action.state.status === 'running'}>
        Export YAML
      </button>
      {action.state.status === 'failed' && (
        <span role="alert" className="issue-error">
          {action.state.error.message}
        </span>
      )}
    </>
  );
}
