import { describe, expect, it } from 'vitest';
import { QuitGuard, quitWhileBusyDialog, type QuitDialog } from './quit-guard';
import { fakeEvent } from '../test-support/fake-electron';

function setup(busy: string[], answer: boolean) {
  const log: string[] = [];
  const dialogs: QuitDialog[] = [];
  const guard = new QuitGuard({
    busyPlans: () => busy,
    confirm: async (d) => {
      dialogs.push(d);
      return answer;
    },
    shutdown: async () => {
      log.push('shutdown');
    },
    quit: () => {
      log.push('quit');
      const event = fakeEvent();
      guard.beforeQuit(event);
      log.push(event.defaultPrevented ? 'held' : 'passed');
    },
  });
  return { guard, log, dialogs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QuitGuard', () => {
  it('closes the engine cleanly, then lets the quit through', async () => {
    const { guard, log, dialogs } = setup([], true);
    const first = fakeEvent();
    guard.beforeQuit(first);
    expect(first.defaultPrevented).toBe(true);
    await settle();
    expect(dialogs).toEqual([]);
    expect(log).toEqual(['shutdown', 'quit', 'passed']);
    expect(guard.closed).toBe(true);
  });

  it('asks first while plans are busy, and keeps running when told to', async () => {
    const { guard, log, dialogs } = setup(['dev-env'], false);
    guard.beforeQuit(fakeEvent());
    await settle();
    expect(dialogs).toHaveLength(1);
    expect(log).toEqual([]);
    expect(guard.closed).toBe(false);
  });

  it('quits after "Quit anyway"', async () => {
    const { guard, log } = setup(['dev-env', 'qa'], true);
    guard.beforeQuit(fakeEvent());
    await settle();
    expect(log).toEqual(['shutdown', 'quit', 'passed']);
  });

  it('does not ask when the OS is shutting down', async () => {
    const { guard, log, dialogs } = setup(['dev-env'], false);
    guard.beforeQuit(fakeEvent(), true);
    await settle();
    expect(dialogs).toEqual([]);
    expect(log).toEqual(['shutdown', 'quit', 'passed']);
  });

  it('ignores repeated quits while closing', async () => {
    const { guard, log } = setup([], true);
    guard.beforeQuit(fakeEvent());
    const second = fakeEvent();
    guard.beforeQuit(second);
    expect(second.defaultPrevented).toBe(true);
    await settle();
    expect(log.filter((l) => l === 'shutdown')).toHaveLength(1);
  });
});

describe('quitWhileBusyDialog', () => {
  it('names the busy plans and says nothing is lost', () => {
    const d = quitWhileBusyDialog(['dev-env', 'qa']);
    expect(d.message).toBe('dev-env and qa are in the middle of going to sleep or waking up.');
    expect(d.detail).toMatch(/continues from where it stopped/);
    expect(d.buttons).toEqual(['Quit anyway', 'Keep running']);
  });
});
