// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../shared/api';
import { callsOf, createWorldTransport } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';

afterEach(cleanup);

const REFUSED: ImportResult = {
  ok: false,
  dryRun: false,
  errors: [],
  items: [
    { index: 0, kind: 'HibernatePlan', name: 'good', applied: false, errors: [], warnings: [] },
    {
      index: 1,
      kind: 'HibernatePlan',
      name: 'bad-time',
      applied: false,
      errors: [{ path: 'spec.schedule.offHours[0].start', message: '"25:00" is not a time' }],
      warnings: [{ path: 'spec.extra', message: 'unknown field' }],
    },
  ],
};

describe('import panel', () => {
  it('sends the pasted YAML and lists each problem under its document with the field path', async () => {
    const transport = createWorldTransport({ importYaml: () => REFUSED });
    renderApp(transport, '#/import');
    fireEvent.change(screen.getByLabelText('YAML to import'), {
      target: { value: 'kind: HibernatePlan' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Nothing was imported');
    const errors = screen.getByRole('list', {
      name: 'Errors in Document 2: HibernatePlan bad-time',
    });
    expect(within(errors).getByText('spec.schedule.offHours[0].start')).toBeTruthy();
    expect(errors.textContent).toContain('"25:00" is not a time');
    expect(
      screen.getByRole('list', { name: 'Warnings in Document 2: HibernatePlan bad-time' })
        .textContent,
    ).toContain('unknown field');
    expect(callsOf(transport, 'importYaml')).toEqual([
      { yaml: 'kind: HibernatePlan', dryRun: false },
    ]);
  });

  it('checks without saving when asked to', async () => {
    const transport = createWorldTransport({
      importYaml: (input) => ({
        ok: true,
        dryRun: input.dryRun ?? false,
        errors: [],
        items: [
          {
            index: 0,
            kind: 'HibernatePlan',
            name: 'demo',
            applied: false,
            errors: [],
            warnings: [],
          },
        ],
      }),
    });
    renderApp(transport, '#/import');
    fireEvent.change(screen.getByLabelText('YAML to import'), { target: { value: 'x: 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(
      await screen.findByText('Everything is valid: HibernatePlan demo. Nothing was saved yet.'),
    ).toBeTruthy();
    expect(callsOf(transport, 'importYaml')).toEqual([{ yaml: 'x: 1', dryRun: true }]);
  });

  it('reads a chosen file into the text area', async () => {
    renderApp(createWorldTransport(), '#/import');
    const file = new File(['kind: HibernatePlan\n'], 'plan.yaml', { type: 'text/yaml' });
    fireEvent.change(screen.getByLabelText('YAML file'), { target: { files: [file] } });
    await waitFor(() =>
      expect((screen.getByLabelText('YAML to import') as HTMLTextAreaElement).value).toBe(
        'kind: HibernatePlan\n',
      ),
    );
    expect(screen.getByText('plan.yaml')).toBeTruthy();
  });
});
