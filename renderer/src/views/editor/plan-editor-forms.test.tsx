// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../../shared/model';
import { createWorldTransport } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const AWS: Connection = {
  apiVersion: 'hibernator.ardikabs.com/v1alpha1',
  kind: 'CloudProvider',
  metadata: { name: 'aws-dev' },
  spec: { type: 'aws', aws: { region: 'eu-central-1', profile: 'dev' } },
};

async function openEditor(): Promise<HTMLTextAreaElement> {
  renderApp(createWorldTransport({ listConnections: () => [AWS] }), '#/new-plan');
  const yaml = (await screen.findByLabelText('Plan YAML')) as HTMLTextAreaElement;
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'forms' } });
  return yaml;
}

function change(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** A drag as the browser sends it: the dragged text travels in the event's dataTransfer. */
function dataTransfer(): Pick<
  DataTransfer,
  'getData' | 'setData' | 'effectAllowed' | 'dropEffect'
> {
  const data = new Map<string, string>();
  return {
    getData: (k: string) => data.get(k) ?? '',
    setData: (k: string, v: string) => void data.set(k, v),
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

describe('plan editor forms', () => {
  it('edits ec2 parameters in fields, each message under its field, and writes them to the YAML', async () => {
    const yaml = await openEditor();
    change('Target 1 type', 'ec2');
    expect((screen.getByLabelText('Target 1 connection') as HTMLSelectElement).value).toBe(
      'aws-dev',
    );
    expect(screen.getByText(/selector: must say which instances to handle/)).toBeTruthy();
    const ids = screen.getByLabelText('Target 1 instance ids');
    fireEvent.change(ids, { target: { value: 'i-0abc, web-1' } });
    expect(ids.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('[1]: "web-1" is not an EC2 instance id: write it like i-0123456789abcdef0'),
    ).toBeTruthy();
    fireEvent.change(ids, { target: { value: '' } });
    change('Target 1 tags', 'Environment=dev, Team=web');
    expect(yaml.value).toMatch(/selector:\n\s+tags:\n\s+Environment: dev\n\s+Team: web/);
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
  });

  it('takes parameter edits made in the YAML back into the fields', async () => {
    const yaml = await openEditor();
    change('Target 1 type', 'workloadscaler');
    fireEvent.change(yaml, {
      target: {
        value: yaml.value.replace('namespace: {}', 'namespace: { literals: [web, payments] }'),
      },
    });
    expect((screen.getByLabelText('Target 1 namespaces') as HTMLInputElement).value).toBe(
      'web, payments',
    );
  });

  it('finds a time zone by city, picks it from the keyboard and shows the time there', async () => {
    await openEditor();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    fireEvent.change(zone, { target: { value: 'berl' } });
    const list = screen.getByRole('listbox', { name: 'Zones matching the search' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringMatching(/^Europe\/Berlin\w{3} \d\d:\d\d GMT\+[12]$/)]);
    fireEvent.keyDown(zone, { key: 'ArrowDown' });
    fireEvent.keyDown(zone, { key: 'Enter' });
    expect((zone as HTMLInputElement).value).toBe('Europe/Berlin');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText(/^Now \w{3} \d\d:\d\d GMT\+[12] there/)).toBeTruthy();
  });

  it('draws the DAG order from the dependency list', async () => {
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    change('Strategy', 'DAG');
    fireEvent.click(screen.getByRole('button', { name: 'Add dependency' }));
    change('Dependency 1 from', 'target-2');
    change('Dependency 1 to', 'example');
    expect(
      screen.getByRole('img', { name: 'Shutdown order: First target-2; then example' }),
    ).toBeTruthy();
  });

  it('assigns targets to stages by select or by drag-and-drop, one stage per target', async () => {
    const yaml = await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    change('Strategy', 'Staged');
    // Switching to Staged puts every target in a first stage, so the plan stays valid.
    expect(yaml.value).toMatch(/targets: \[example, target-2\]/);
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    change('Stage of target-2', '1');
    expect(yaml.value).toMatch(/name: stage-1\n.*\n\s+targets: \[example\]/);
    expect(yaml.value).toMatch(/name: stage-2\n.*\n\s+targets: \[target-2\]/);

    const transfer = dataTransfer();
    const chip = within(screen.getByRole('list', { name: 'Stage 1 targets' })).getByText('example');
    fireEvent.dragStart(chip, { dataTransfer: transfer });
    const second = screen.getByRole('list', { name: 'Stage 2 targets' });
    fireEvent.dragOver(second, { dataTransfer: transfer });
    fireEvent.drop(second, { dataTransfer: transfer });
    expect(within(second).getByText('example')).toBeTruthy();
    expect((screen.getByLabelText('Stage of example') as HTMLSelectElement).value).toBe('1');
    expect(screen.getByRole('list', { name: 'Validation warnings' }).textContent).toContain(
      'this stage has no targets',
    );
  });
});
