// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTransport, settle } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';
import { sampleInfo, sampleSettings, sampleSummary } from '../../test-support/samples';

afterEach(cleanup);

function transportWith(plans = [sampleSummary('demo', 'Active'), sampleSummary('qa', 'Error')]) {
  return createFakeTransport({
    getInfo: () => sampleInfo,
    listPlans: () => plans,
    listExceptions: () => [],
    listConnections: () => [],
    getSettings: () => sampleSettings,
  });
}

describe('plan list', () => {
  it('shows each plan with its phase word and the counts per phase in the sidebar', async () => {
    renderApp(transportWith());
    const row = await screen.findByRole('row', { name: 'Plan demo' });
    expect(within(row).getByTestId('phase-badge').textContent).toContain('Awake');
    expect(
      within(screen.getByRole('row', { name: 'Plan qa' })).getByTestId('phase-badge').textContent,
    ).toContain('Needs attention');
    const counts = screen.getByRole('list', { name: 'Plans by phase' });
    expect(counts.textContent).toContain('Needs attention 1');
    expect(counts.textContent).toContain('Awake 1');
  });

  it('changes the badge as soon as a phase change arrives', async () => {
    const transport = transportWith();
    renderApp(transport);
    await screen.findByRole('row', { name: 'Plan demo' });
    act(() => {
      transport.emit({
        type: 'PhaseChanged',
        plan: 'demo',
        from: 'Active',
        to: 'Hibernating',
        cycleId: 'c',
        operation: 'shutdown',
        reason: 'now',
        at: new Date().toISOString(),
      });
    });
    expect(
      within(screen.getByRole('row', { name: 'Plan demo' })).getByTestId('phase-badge').textContent,
    ).toContain('Going to sleep…');
    await act(settle);
  });

  it('explains how to add a plan when there is none, with the import right there', async () => {
    renderApp(transportWith([]));
    expect(await screen.findByRole('heading', { name: 'No plans yet' })).toBeTruthy();
    expect(screen.getByLabelText('YAML to import')).toBeTruthy();
    expect(screen.getByLabelText('YAML file')).toBeTruthy();
  });

  it('shows the engine error with a retry when the list cannot be loaded', async () => {
    const transport = transportWith();
    transport.handlers.listPlans = () => Promise.reject(new Error('engine stopped'));
    renderApp(transport);
    expect((await screen.findByRole('alert')).textContent).toContain('engine stopped');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
