// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '../../../../shared/api';
import type { Connection } from '../../../../shared/model';
import { callsOf, createWorldTransport } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const PROFILES = [
  { name: 'dev', region: 'eu-west-1', sso: true, sources: ['config' as const] },
  { name: 'prod', sso: false, sources: ['credentials' as const] },
];
const CONTEXTS = [
  {
    file: '/home/me/.kube/config',
    context: 'kind-dev',
    cluster: 'kind-dev',
    user: 'me',
    current: true,
  },
  {
    file: '/home/me/.kube/staging.yaml',
    context: 'staging',
    cluster: 'eks-staging',
    user: 'arn:aws:eks:…',
    current: false,
    exec: 'aws',
  },
];

function world(test: (input: unknown) => ConnectionTestResult, connections: Connection[] = []) {
  return createWorldTransport({
    listAwsProfiles: () => PROFILES,
    listKubeContexts: () => CONTEXTS,
    listConnections: () => connections,
    testConnection: test,
  });
}

const OK: ConnectionTestResult = {
  connection: 'aws-dev',
  kind: 'CloudProvider',
  ok: true,
  account: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/me',
  message: 'account 123456789012 as arn:aws:iam::123456789012:user/me (profile dev, eu-west-1)',
};

describe('connection editor', () => {
  it('offers the machine’s AWS profiles, fills the region of the one picked and tests the draft', async () => {
    const transport = world(() => OK);
    renderApp(transport, '#/new-connection');
    await screen.findByRole('heading', { name: 'Add connection' });
    const form = screen.getByRole('form', { name: 'Connection form' });
    await waitFor(() => expect(form.querySelectorAll('datalist option')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'aws-dev' } });
    fireEvent.change(screen.getByLabelText('AWS profile'), { target: { value: 'dev' } });
    expect((screen.getByLabelText('Region') as HTMLInputElement).value).toBe('eu-west-1');
    expect(screen.getByText('Profile dev: in config · region eu-west-1 · SSO login.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const status = await within(form).findByText(/✓ Connected to account 123456789012/);
    expect(status.getAttribute('role')).toBe('status');
    expect(callsOf(transport, 'testConnection')).toEqual([
      {
        connection: expect.objectContaining({
          kind: 'CloudProvider',
          spec: { type: 'aws', aws: { region: 'eu-west-1', profile: 'dev' } },
        }),
      },
    ]);
  });

  it('shows why a test failed, with the fix the engine suggests', async () => {
    renderApp(
      world(() => ({
        connection: 'aws-dev',
        kind: 'CloudProvider',
        ok: false,
        code: 'SSO_EXPIRED',
        message: 'AWS profile dev needs a new SSO login: run `aws sso login --profile dev`',
      })),
      '#/new-connection',
    );
    await screen.findByRole('heading', { name: 'Add connection' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'aws-dev' } });
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'eu-west-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('run `aws sso login --profile dev`');
    expect(alert.textContent).toContain('SSO_EXPIRED');
  });

  it('fills the kubeconfig path and context from the context picked', async () => {
    renderApp(
      world(() => OK),
      '#/new-connection',
    );
    await screen.findByRole('heading', { name: 'Add connection' });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'K8SCluster' } });
    const picker = (await screen.findByLabelText('Kubeconfig context')) as HTMLSelectElement;
    await waitFor(() => expect(picker.options.length).toBe(3));
    const staging = [...picker.options].find((o) => o.textContent?.startsWith('staging'));
    fireEvent.change(picker, { target: { value: staging?.value } });
    expect((screen.getByLabelText('Kubeconfig path') as HTMLInputElement).value).toBe(
      '/home/me/.kube/staging.yaml',
    );
    expect((screen.getByLabelText('Context') as HTMLInputElement).value).toBe('staging');
    expect(screen.getByText('Signs in with the aws plugin.')).toBeTruthy();
  });

  it('tests a saved connection by name from the list', async () => {
    const saved: Connection = {
      apiVersion: 'hibernator.ardikabs.com/v1alpha1',
      kind: 'CloudProvider',
      metadata: { name: 'aws-dev' },
      spec: { type: 'aws', aws: { region: 'eu-west-1', profile: 'dev' } },
    };
    const transport = world(() => OK, [saved]);
    renderApp(transport, '#/connections');
    fireEvent.click(await screen.findByRole('button', { name: 'Test aws-dev' }));
    const row = screen.getByRole('row', { name: 'Connection aws-dev' });
    await within(row).findByText(/✓ Connected to account 123456789012/);
    expect(callsOf(transport, 'testConnection')).toEqual([{ name: 'aws-dev' }]);
  });
});
