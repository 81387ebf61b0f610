// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { callsOf, createWorldTransport } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';
import { sampleDetail, sampleSummary } from '../../test-support/samples';

afterEach(cleanup);

function saveButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: 'Save' });
}

describe('plan editor', () => {
  it('keeps Save off until the plan is valid, and shows each message at its field', async () => {
    const transport = createWorldTransport({
      applyPlan: () => ({ name: 'fresh', created: true, warnings: [] }),
      getPlan: () => sampleDetail('fresh'),
    });
    renderApp(transport, '#/new-plan');
    await screen.findByRole('heading', { name: 'New plan' });
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'fresh' } });
    expect(saveButton().disabled).toBe(false);

    const start = screen.getByLabelText('Window 1 start');
    fireEvent.change(start, { target: { value: '25:00' } });
    expect(start.getAttribute('aria-invalid')).toBe('true');
    const describedBy = start.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ')[0] ?? '')?.textContent).toContain(
      '"25:00" is not a time',
    );
    expect(saveButton().disabled).toBe(true);

    fireEvent.change(start, { target: { value: '20:00' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(callsOf(transport, 'applyPlan')).toHaveLength(1));
    expect(callsOf(transport, 'applyPlan')[0]).toMatchObject({
      plan: {
        metadata: { name: 'fresh' },
        spec: { schedule: { offHours: [{ start: '20:00' }, {}] } },
      },
    });
    await waitFor(() => expect(window.location.hash).toBe('#/plans/fresh'));
  });

  it('updates the form from the YAML and disables the form while the YAML does not parse', async () => {
    renderApp(createWorldTransport(), '#/new-plan');
    const yaml = (await screen.findByLabelText('Plan YAML')) as HTMLTextAreaElement;
    fireEvent.change(yaml, {
      target: { value: yaml.value.replace('name: ""', 'name: from-yaml') },
    });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('from-yaml');
    fireEvent.change(yaml, { target: { value: 'spec: [broken' } });
    expect(screen.getByRole('alert').textContent).toContain('YAML syntax');
    expect(saveButton().disabled).toBe(true);
    expect(
      (screen.getByLabelText('Name').closest('fieldset.editor-fieldset') as HTMLFieldSetElement)
        .disabled,
    ).toBe(true);
  });

  it('refuses a name that another plan already has', async () => {
    renderApp(createWorldTransport({ listPlans: () => [sampleSummary('taken')] }), '#/new-plan');
    await screen.findByRole('heading', { name: 'New plan' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'taken' } });
    expect(await screen.findByText(/a plan with this name already exists/)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });

  it('asks before leaving with unsaved changes', async () => {
    renderApp(createWorldTransport(), '#/new-plan');
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('draft');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(window.location.hash).toBe('#/plans');
  });
});
