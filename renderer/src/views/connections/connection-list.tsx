import { useState } from 'react';
import type { Connection } from '../../../../shared/model';
import { useApp, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import { EmptyState, ErrorState, Loading } from '../../components/state-views';
import { formatRoute } from '../../navigation/route';
import { ConnectionTest } from './connection-test';

/** "profile dev · eu-central-1", "context kind-dev", "EKS payments (eu-west-1)". */
export function describeConnection(c: Connection): string {
  if (c.kind === 'CloudProvider') {
    const aws = c.spec.aws;
    return [
      aws.profile ? `profile ${aws.profile}` : 'default profile',
      aws.region,
      aws.accountId ? `account ${aws.accountId}` : '',
      aws.endpoint ? `endpoint ${aws.endpoint}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (c.spec.eks)
    return `EKS ${c.spec.eks.name} (${c.spec.eks.region})${c.spec.providerRef ? ` via ${c.spec.providerRef.name}` : ''}`;
  if (c.spec.kubeconfig)
    return `kubeconfig ${c.spec.kubeconfig.path ?? '(default)'} · context ${c.spec.kubeconfig.context ?? '(current)'}`;
  return 'operator-only access (not usable from the desktop)';
}

/** AWS accounts and Kubernetes clusters the targets talk through. */
export function ConnectionList() {
  const { stores, transport } = useApp();
  const { data, error } = useResource(stores.connections);
  const [deleting, setDeleting] = useState<string | null>(null);
  const action = useAction();
  if (data === undefined)
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.connections.refresh()} />
    ) : (
      <Loading what="connections" />
    );

  const remove = (name: string): void => {
    setDeleting(null);
    void action.run(
      'Deleting',
      () => transport.call('deleteConnection', { name }),
      () => `${name} was deleted`,
    );
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Connections</h1>
        <a className="button primary" href={formatRoute({ view: 'connection-edit', name: null })}>
          Add connection
        </a>
      </header>
      <Feedback state={action.state} onDismiss={action.reset} />
      {data.length === 0 ? (
        <EmptyState title="No connections">
          <p>
            A <strong>CloudProvider</strong> connection names an AWS profile (SSO works) and region;
            a <strong>K8SCluster</strong> connection names a kubeconfig context or an EKS cluster.
            Targets refer to them by name; <code>noop</code> targets need none.
          </p>
        </EmptyState>
      ) : (
        <table aria-label="Connections">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Access</th>
              <th scope="col">Test</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((c) => (
              <tr key={`${c.kind}/${c.metadata.name}`} aria-label={`Connection ${c.metadata.name}`}>
                <td>
                  <a href={formatRoute({ view: 'connection-edit', name: c.metadata.name })}>
                    {c.metadata.name}
                  </a>
                </td>
                <td>{c.kind}</td>
                <td>{describeConnection(c)}</td>
                <td className="connection-test-cell">
                  <ConnectionTest
                    buttonLabel={`Test ${c.metadata.name}`}
                    run={() => transport.call('testConnection', { name: c.metadata.name })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setDeleting(c.metadata.name)}
                    aria-label={`Delete ${c.metadata.name}`}
                  >
                    Delete…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting}?`}
          confirmLabel="Delete connection"
          danger
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Targets that use {deleting} cannot hibernate or wake up until they get another
            connection. The engine refuses if a plan still needs it.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
