// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type PlanDetail } from '../../../../shared/api';
import { callsOf, createWorldTransport, settle } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';
import {
  sampleChoice as choice,
  sampleDetail,
  sampleLedger,
  sampleSettings,
  sampleSummary,
} from '../../test-support/samples';

afterEach(cleanup);

function world(detail: PlanDetail) {
  return createWorldTransport({
    listPlans: () => [sampleSummary('demo', detail.status.phase)],
    getPlan: () => detail,
    hibernateNow: () => ({
      plan: 'demo',
      message: 'hibernating demo now; it stays asleep until 2026-11-27T08:00:00Z',
    }),
    wakeNow: () => Promise.reject(new ApiError('NOT_ALLOWED', 'Plan demo is already awake.')),
    markAwake: () => ({ plan: 'demo', message: 'demo marked awake' }),
  });
}

function actionNames(): string[] {
  return within(screen.getByRole('region', { name: 'Actions' }))
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('plan detail', () => {
  it('offers the actions of an awake plan, each override action with its choices, and shows the engine message', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    transport.handlers.overrideChoices = () => [
      choice({ id: 'next-change', request: { action: 'hibernateNow' } }),
    ];
    renderApp(transport, '#/plans/demo');
    await screen.findByRole('heading', { name: 'demo', level: 1 });
    // One Keep awake: its lengths (1 h, 3 h, until tomorrow) are choices now, not three buttons.
    expect(actionNames()).toEqual(['Hibernate now', 'Skip next sleep', 'Keep awake', 'Suspend']);
    fireEvent.click(screen.getByRole('button', { name: 'Hibernate now' }));
    const group = await screen.findByRole('group', { name: 'Hibernate now: how long' });
    expect(callsOf(transport, 'hibernateNow')).toEqual([]);
    fireEvent.click(await within(group).findByRole('button', { name: /^until / }));
    expect((await screen.findByText(/hibernating demo now/)).textContent).toContain(
      '2026-11-27T08:00:00Z',
    );
    expect(callsOf(transport, 'overrideChoices')).toEqual([
      { plan: 'demo', action: 'hibernateNow' },
    ]);
    expect(callsOf(transport, 'hibernateNow')).toEqual([{ plan: 'demo' }]);
  });

  it('shows a refused action as an alert with the engine code', async () => {
    const transport = world(sampleDetail('demo', 'Hibernated'));
    transport.handlers.overrideChoices = () => [
      choice({ id: 'hours-3', request: { action: 'wakeNow', until: '2026-11-27T13:00:00Z' } }),
    ];
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Wake now' }));
    const group = await screen.findByRole('group', { name: 'Wake now: how long' });
    fireEvent.click(await within(group).findByRole('button', { name: /^3 h/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Plan demo is already awake.');
    expect(alert.textContent).toContain('NOT_ALLOWED');
  });

  it('asks before Mark awake and does nothing when cancelled', async () => {
    const transport = world(sampleDetail('demo', 'Hibernated'));
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Mark awake' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark awake demo?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf(transport, 'markAwake')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark awake' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark awake' }));
    await screen.findByText('demo marked awake');
    expect(callsOf(transport, 'markAwake')).toEqual([{ plan: 'demo' }]);
  });

  it('shows each target of the ledger and follows target progress live', async () => {
    const transport = world(sampleDetail('demo', 'Hibernating', sampleLedger('Pending')));
    renderApp(transport, '#/plans/demo/targets');
    const row = await screen.findByRole('row', { name: 'Target api' });
    expect(within(row).getByTestId('target-state').textContent).toBe('Pending');
    act(() =>
      transport.emit({
        type: 'TargetProgress',
        plan: 'demo',
        target: 'api',
        state: 'Completed',
        message: 'pretended to hibernate api',
      }),
    );
    expect(
      within(screen.getByRole('row', { name: 'Target api' })).getByTestId('target-state')
        .textContent,
    ).toBe('Completed');
    expect(screen.getByRole('row', { name: 'Target api' }).textContent).toContain(
      'pretended to hibernate api',
    );
    await act(settle);
  });

  it('moves between tabs with the arrow keys', async () => {
    renderApp(world(sampleDetail('demo', 'Active')), '#/plans/demo');
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    expect(overview.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Targets' }).getAttribute('aria-selected')).toBe('true');
    expect(window.location.hash).toBe('#/plans/demo/targets');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Targets' }), { key: 'End' });
    expect(screen.getByRole('tab', { name: 'YAML' }).getAttribute('aria-selected')).toBe('true');
  });

  it('says so when the plan does not exist', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    transport.handlers.getPlan = () =>
      Promise.reject(new ApiError('NOT_FOUND', 'There is no plan named "ghost".'));
    renderApp(transport, '#/plans/ghost');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'There is no plan named "ghost".',
    );
  });

  it('estimates hours asleep this week and month, and the money saved with hourly costs', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    transport.handlers.getSettings = () => ({
      ...sampleSettings,
      hourlyCosts: { 'demo/frontend': 1.5, 'demo/api': 0.5, 'other/api': 100 },
    });
    renderApp(transport, '#/plans/demo');
    const line = await screen.findByLabelText('Hours asleep');
    // Weeknights 18:00–08:00 UTC, Friday evening until Monday morning included: 118 h.
    expect(line.textContent).toMatch(/^Asleep 118 h of 168 h this week \(70%\), \d+ h this month/);
    expect(line.textContent).toContain('saving about 236.00 EUR this week');
  });
});
