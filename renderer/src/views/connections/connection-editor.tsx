import { useMemo, useState } from 'react';
import { SaveBar } from '../../components/save-bar';
import {
  API_VERSION,
  CLOUD_PROVIDER_KIND,
  type Connection,
  K8S_CLUSTER_KIND,
  validateConnection,
} from '../../../../shared/model';
import { useApp, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { Feedback } from '../../components/feedback';
import { IssueList } from '../../components/issue-list';
import { ErrorState, Loading } from '../../components/state-views';
import { type Draft, draftToYaml, getAt, issuesByPath, setAt } from '../../forms/draft';
import { SelectField, TextField } from '../../forms/fields';
import { useUnsavedGuard } from '../../forms/use-unsaved-guard';
import { CloudProviderFields, K8SClusterFields } from './connection-fields';
import { ConnectionTest } from './connection-test';

/** Stable empty list: a fresh [] per render would re-run the validation memo every time. */
const NO_CONNECTIONS: readonly Connection[] = [];

function template(kind: string, name: string): Draft {
  return kind === K8S_CLUSTER_KIND
    ? { apiVersion: API_VERSION, kind, metadata: { name }, spec: { kubeconfig: {} } }
    : {
        apiVersion: API_VERSION,
        kind: CLOUD_PROVIDER_KIND,
        metadata: { name },
        spec: { type: 'aws', aws: { region: '' } },
      };
}

export function ConnectionEditor({ name }: { name: string | null }) {
  const { stores } = useApp();
  const { data, error } = useResource(stores.connections);
  if (name === null) return <ConnectionForm initial={template(CLOUD_PROVIDER_KIND, '')} isNew />;
  if (data === undefined)
    return error ? <ErrorState error={error} /> : <Loading what="connection" />;
  const found = data.find((c) => c.metadata.name === name);
  if (!found)
    return (
      <p>
        There is no connection named “{name}”. <a href="#/connections">Back to connections</a>
      </p>
    );
  return <ConnectionForm initial={found} isNew={false} />;
}

function ConnectionForm({ initial, isNew }: { initial: Draft | Connection; isNew: boolean }) {
  const { transport, stores, navigation } = useApp();
  const connections = useResource(stores.connections).data ?? NO_CONNECTIONS;
  const startYaml = useMemo(() => draftToYaml(initial), [initial]);
  const [draft, setDraft] = useState<Draft>(() => ({ ...initial }));
  const save = useAction();
  const kind = String(getAt(draft, ['kind']));
  const name =
    typeof getAt(draft, ['metadata', 'name']) === 'string'
      ? String(getAt(draft, ['metadata', 'name']))
      : '';
  const others = useMemo(
    () => connections.filter((c) => c.metadata.name !== name),
    [connections, name],
  );
  const validation = useMemo(
    () => validateConnection(draft, { connections: others }),
    [draft, others],
  );
  const errors = useMemo(() => issuesByPath(validation.errors), [validation]);
  const dirty = draftToYaml(draft) !== startYaml;
  useUnsavedGuard(dirty, isNew ? 'the new connection' : `the connection ${name}`);

  const onSave = async (): Promise<void> => {
    const r = await save.run(
      'Saving',
      () => transport.call('applyConnection', { connection: draft }),
      (x) => `${x.name} ${x.created ? 'added' : 'saved'}`,
    );
    if (!r) return;
    navigation.store.getState().setUnsaved(null);
    navigation.store.getState().navigate({ view: 'connections' });
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{isNew ? 'Add connection' : `Edit ${name}`}</h1>
        <SaveBar
          valid={validation.valid}
          dirty={dirty}
          problems={validation.errors.length}
          cancelHref="#/connections"
          saving={save.state.status === 'running'}
          onSave={() => void onSave()}
        />
      </header>
      <Feedback state={save.state} />
      <form
        className="connection-form"
        aria-label="Connection form"
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <fieldset className="form-section">
          <legend>Connection</legend>
          <div className="field-row">
            <SelectField
              label="Kind"
              value={kind}
              options={[
                { value: CLOUD_PROVIDER_KIND, label: 'CloudProvider (AWS)' },
                { value: K8S_CLUSTER_KIND, label: 'K8SCluster (Kubernetes)' },
              ]}
              onChange={(v) => isNew && setDraft(template(v, name))}
            />
            <TextField
              label="Name"
              value={name}
              readOnly={!isNew}
              errors={errors.get('metadata.name')}
              onChange={(v) => setDraft(setAt(draft, ['metadata', 'name'], v))}
            />
          </div>
          {kind === CLOUD_PROVIDER_KIND ? (
            <CloudProviderFields
              draft={draft}
              errors={errors}
              connections={others}
              onChange={setDraft}
            />
          ) : (
            <K8SClusterFields
              draft={draft}
              errors={errors}
              connections={others}
              onChange={setDraft}
            />
          )}
        </fieldset>
        <ConnectionTest
          run={() => transport.call('testConnection', { connection: draft })}
          disabled={!validation.valid}
          disabledReason="Fix the problems first: only a valid connection can be tested"
        />
      </form>
      <IssueList issues={validation.errors} label="Validation errors" />
      <IssueList issues={validation.warnings} kind="warning" label="Validation warnings" />
      <section className="tab-section">
        <h2>YAML</h2>
        <pre aria-label="Connection YAML">{draftToYaml(draft)}</pre>
      </section>
    </div>
  );
}
