// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type PlanDetail } from '../../../../shared/api';
import { utcSeconds } from '../../../../shared/model';
import type { PlanSummary } from '../../../../shared/model/status';
import { formatLocalTime } from '../../format/time';
import { callsOf, createWorldTransport, settle } from '../../test-support/fake-transport';
import { cleanup, renderApp } from '../../test-support/render-app';
import {
  sampleChoice,
  sampleDetail,
  sampleSummary,
  withOverride,
} from '../../test-support/samples';

afterEach(cleanup);

const HOUR = 3_600_000;
// The window reads the real clock (useNow), so the override is placed relative to it.
const until = utcSeconds(Date.now() + 3 * HOUR);
const clock = (iso: string): string => formatLocalTime(new Date(iso), new Date());

function overridden(): { detail: PlanDetail; summary: PlanSummary } {
  const view = { setAt: utcSeconds(Date.now() - HOUR), by: 'user', durationMs: null };
  const detail = withOverride(sampleDetail('demo', 'Active'), { phase: 'wakeup', until }, view);
  const summary: PlanSummary = {
    ...sampleSummary('demo', 'Active'),
    override: { phase: 'wakeup', until, ...view },
  };
  return { detail, summary };
}

function world(detail: PlanDetail, summary: PlanSummary = sampleSummary('demo')) {
  return createWorldTransport({
    listPlans: () => [summary],
    getPlan: () => detail,
    clearOverride: () => ({
      plan: 'demo',
      message: 'demo is back on its schedule',
      override: null,
      previousOverride: { phase: 'wakeup', until, setAt: null, by: 'user', durationMs: null },
    }),
    undoOverride: () => ({ plan: 'demo', message: 'demo: the override is back' }),
  });
}

function actions() {
  return within(screen.getByRole('region', { name: 'Actions' }));
}

describe('manual override in the window', () => {
  it('shows the override in the header with one Back to schedule action, which clears it', async () => {
    const { detail, summary } = overridden();
    const transport = world(detail, summary);
    renderApp(transport, '#/plans/demo');
    await screen.findByLabelText('Manual override');
    await act(settle);
    expect(screen.getByLabelText('Manual override').textContent).toBe(
      `Manual override: awake until ${clock(until)} by you · back on schedule after`,
    );
    expect(actions().getAllByRole('button', { name: 'Back to schedule' })).toHaveLength(1);
    fireEvent.click(actions().getByRole('button', { name: 'Back to schedule' }));
    const banner = await screen.findByText(/back on its schedule/);
    expect(banner.textContent).toBe('demo is back on its schedule The plan follows its schedule.');
    expect(callsOf(transport, 'clearOverride')).toEqual([{ plan: 'demo' }]);
    // Undo of Back to schedule puts the override back.
    fireEvent.click(actions().getByRole('button', { name: 'Undo' }));
    await screen.findByText('demo: the override is back');
    expect(callsOf(transport, 'undoOverride')).toEqual([{ plan: 'demo' }]);
    expect(actions().queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers Undo for an override the tray set moments ago, and not for an old one', async () => {
    const fresh = withOverride(
      sampleDetail('demo', 'Active'),
      { phase: 'wakeup', until },
      { setAt: utcSeconds(Date.now() - 60_000), by: 'tray', durationMs: null },
    );
    const detail: PlanDetail = {
      ...fresh,
      status: { ...fresh.status, overrideUndo: { previous: null } },
    };
    const transport = world(detail);
    renderApp(transport, '#/plans/demo');
    await screen.findByLabelText('Manual override');
    await act(settle);
    expect(actions().getByText(/Just changed from the tray/)).toBeTruthy();
    fireEvent.click(actions().getByRole('button', { name: 'Undo' }));
    await screen.findByText('demo: the override is back');
    expect(callsOf(transport, 'undoOverride')).toEqual([{ plan: 'demo' }]);
    cleanup();

    const old = {
      ...detail,
      override: detail.override && { ...detail.override, setAt: utcSeconds(Date.now() - HOUR) },
    };
    renderApp(world(old), '#/plans/demo');
    await screen.findByLabelText('Manual override');
    await act(settle);
    expect(actions().queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers no override line and no Back to schedule without an override', async () => {
    renderApp(world(sampleDetail('demo', 'Active')), '#/plans/demo');
    await screen.findByRole('heading', { name: 'demo', level: 1 });
    expect(screen.queryByLabelText('Manual override')).toBeNull();
    expect(actions().queryByRole('button', { name: 'Back to schedule' })).toBeNull();
  });

  it('lists the choices with what each costs or saves before anything runs', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    const tomorrow = utcSeconds(Date.now() + 62 * HOUR);
    transport.handlers.overrideChoices = () => [
      sampleChoice({
        id: 'hours-1',
        duration: '1 h',
        hours: 1,
        consequence: { kind: 'costs', deltaMs: -HOUR, text: 'costs 1 h awake' },
      }),
      sampleChoice({
        id: 'next-change',
        request: { action: 'wakeNow', until: utcSeconds(Date.now() + 2 * HOUR) },
        until: utcSeconds(Date.now() + 2 * HOUR),
        outcome: 'clear',
        consequence: { kind: 'none', deltaMs: 0, text: 'same as the schedule' },
      }),
      sampleChoice({
        id: 'tomorrow',
        request: { action: 'keepAwakeUntilTomorrow', until: tomorrow },
        until: tomorrow,
        hours: 62,
        duration: '62 h',
        consequence: { kind: 'costs', deltaMs: -48 * HOUR, text: 'costs 48 h awake' },
        needsConfirmation: true,
      }),
    ];
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Keep awake' }));
    const group = await screen.findByRole('group', { name: 'Keep awake: how long' });
    const offered = await within(group).findAllByRole('button', { name: /—/ });
    expect(offered.map((b) => b.textContent)).toEqual([
      '1 h — costs 1 h awake',
      `until ${clock(utcSeconds(Date.now() + 2 * HOUR))} (back on schedule) — same as the schedule`,
      `until ${clock(tomorrow)} — costs 48 h awake`,
    ]);
    expect(callsOf(transport, 'overrideChoices')).toEqual([{ plan: 'demo', action: 'keepAwake' }]);
    expect(transport.calls.filter((c) => c.method.startsWith('keepAwake'))).toEqual([]);
  });

  it('asks before a choice longer than 12 h, says its length and cost, and does nothing when cancelled', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    const tomorrow = utcSeconds(Date.now() + 62 * HOUR);
    transport.handlers.overrideChoices = () => [
      sampleChoice({
        id: 'tomorrow',
        request: { action: 'keepAwakeUntilTomorrow', until: tomorrow },
        until: tomorrow,
        hours: 62,
        duration: '62 h',
        consequence: { kind: 'costs', deltaMs: -48 * HOUR, text: 'costs 48 h awake' },
        needsConfirmation: true,
      }),
    ];
    transport.handlers.keepAwakeUntilTomorrow = () => ({
      plan: 'demo',
      message: 'demo stays awake',
      override: {
        phase: 'wakeup',
        until: tomorrow,
        setAt: null,
        by: 'user',
        durationMs: 62 * HOUR,
      },
      previousOverride: null,
      consequence: { kind: 'costs', deltaMs: -48 * HOUR, text: 'costs 48 h awake' },
    });
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Keep awake' }));
    const group = await screen.findByRole('group', { name: 'Keep awake: how long' });
    fireEvent.click(await within(group).findByRole('button', { name: /costs 48 h awake/ }));
    const dialog = screen.getByRole('dialog', {
      name: `Keep awake demo until ${clock(tomorrow)}?`,
    });
    expect(dialog.textContent).toContain('That is 62 h and costs 48 h awake.');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(callsOf(transport, 'keepAwakeUntilTomorrow')).toEqual([]);

    fireEvent.click(within(group).getByRole('button', { name: /costs 48 h awake/ }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Keep awake' }));
    const banner = await screen.findByText(/demo stays awake/);
    expect(banner.textContent).toBe(
      `demo stays awake Now awake until ${clock(tomorrow)} by you · back on schedule after. This costs 48 h awake.`,
    );
    expect(callsOf(transport, 'keepAwakeUntilTomorrow')).toEqual([
      { plan: 'demo', until: tomorrow },
    ]);
  });

  it('runs a short choice at once and offers Undo on its result, which restores the previous override', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    transport.handlers.overrideChoices = () => [sampleChoice()];
    transport.handlers.keepAwake = () => ({
      plan: 'demo',
      message: 'demo stays awake for 3 h',
      override: { phase: 'wakeup', until, setAt: null, by: 'user', durationMs: 3 * HOUR },
      previousOverride: null,
    });
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Keep awake' }));
    const group = await screen.findByRole('group', { name: 'Keep awake: how long' });
    fireEvent.click(await within(group).findByRole('button', { name: /^3 h/ }));
    await screen.findByText(/demo stays awake for 3 h/);
    expect(callsOf(transport, 'keepAwake')).toEqual([{ plan: 'demo', hours: 3 }]);
    expect(screen.queryByRole('group', { name: 'Keep awake: how long' })).toBeNull();
    fireEvent.click(actions().getByRole('button', { name: 'Undo' }));
    await screen.findByText('demo: the override is back');
    expect(callsOf(transport, 'undoOverride')).toEqual([{ plan: 'demo' }]);
  });

  it('still offers the action with its default end when the choices cannot be had', async () => {
    const transport = world(sampleDetail('demo', 'Active'));
    transport.handlers.overrideChoices = () =>
      Promise.reject(new ApiError('NOT_IMPLEMENTED', 'overrideChoices is not implemented yet'));
    transport.handlers.skipNextHibernation = () => ({ plan: 'demo', message: 'skipping tonight' });
    renderApp(transport, '#/plans/demo');
    fireEvent.click(await screen.findByRole('button', { name: 'Skip next sleep' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Skip next sleep with its default end' }),
    );
    await screen.findByText(/skipping tonight/);
    expect(callsOf(transport, 'skipNextHibernation')).toEqual([{ plan: 'demo' }]);
  });

  it('draws the override over the schedule in the week picture, with a legend entry', async () => {
    const { detail, summary } = overridden();
    renderApp(world(detail, summary), '#/plans/demo');
    const figure = await screen.findByRole('figure');
    await act(settle);
    expect(figure.querySelectorAll('.week-override-wakeup').length).toBeGreaterThan(0);
    expect(figure.querySelector('figcaption')?.textContent).toContain('manual override (awake)');
    const days = within(figure).getAllByRole('listitem');
    expect(days.some((d) => d.getAttribute('aria-label')?.includes('override: awake'))).toBe(true);
  });

  it('shows the override on the list row with Back to schedule', async () => {
    const { detail, summary } = overridden();
    const transport = world(detail, summary);
    renderApp(transport, '#/plans');
    const row = await screen.findByRole('row', { name: 'Plan demo' });
    expect(row.textContent).toContain(
      `awake until ${clock(until)} by you · back on schedule after`,
    );
    expect(within(row).getByRole('img').getAttribute('aria-label')).toContain(
      'manual override awake',
    );
    fireEvent.click(within(row).getByRole('button', { name: 'Back to schedule: demo' }));
    await act(settle);
    expect(callsOf(transport, 'clearOverride')).toEqual([{ plan: 'demo' }]);
  });
});
