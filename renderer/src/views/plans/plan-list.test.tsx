// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
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

  it('renders only a window of 500 plans and shows the others as the list scrolls', async () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      sampleSummary(`plan-${String(i).padStart(3, '0')}`),
    );
    renderApp(transportWith(many));
    await screen.findByRole('row', { name: 'Plan plan-000' });
    const rendered = (): number => screen.getAllByRole('row', { name: /^Plan plan-/ }).length;
    expect(rendered()).toBeLessThan(40);
    expect(screen.queryByRole('row', { name: 'Plan plan-300' })).toBeNull();

    const scroller = screen.getByRole('region', { name: '500 plan(s), scrollable' });
    act(() => {
      scroller.scrollTop = 300 * 56;
      fireEvent.scroll(scroller);
    });
    expect(screen.getByRole('row', { name: 'Plan plan-300' })).toBeTruthy();
    expect(screen.queryByRole('row', { name: 'Plan plan-000' })).toBeNull();
    expect(rendered()).toBeLessThan(40);
    expect(screen.getByRole('row', { name: 'Plan plan-300' }).getAttribute('aria-rowindex')).toBe(
      '302',
    );
  });

  it('shows the week strip and the last cycle of each plan', async () => {
    const failed = {
      ...sampleSummary('qa', 'Error'),
      lastResult: {
        operation: 'shutdown' as const,
        result: 'failed',
        finishedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
        message: 'cache node did not answer',
      },
    };
    renderApp(transportWith([sampleSummary('demo'), failed]));
    const row = await screen.findByRole('row', { name: 'Plan qa' });
    expect(within(row).getByRole('img').getAttribute('aria-label')).toBe(
      // Weeknights 18:00–08:00 as cron pairs: asleep from Friday 18:00 until Monday 08:00.
      'Asleep 118 h this week (UTC)',
    );
    expect(row.textContent).toContain('Shutdown failed · 3 min ago');
    expect(screen.getByRole('row', { name: 'Plan demo' }).textContent).toContain('not run yet');
  });
});
