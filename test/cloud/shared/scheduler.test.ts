import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler';

describe('createScheduler', () => {
  it('runs due events in time order, each with its own due time', () => {
    const scheduler = createScheduler();
    const log: string[] = [];
    scheduler.schedule('b', 200, (at) => log.push(`b@${at}`));
    scheduler.schedule('a', 100, (at) => log.push(`a@${at}`));
    scheduler.schedule('c', 300, (at) => log.push(`c@${at}`));
    expect(scheduler.runDue(250)).toBe(2);
    expect(log).toEqual(['a@100', 'b@200']);
    expect(scheduler.size()).toBe(1);
  });

  it('runs follow-up events scheduled by an event when they are due too, before later ones', () => {
    const scheduler = createScheduler();
    const log: string[] = [];
    scheduler.schedule('stop', 10, (at) => {
      log.push('stopped');
      scheduler.schedule('restart', at + 5, () => log.push('restarted'));
    });
    scheduler.schedule('other', 20, () => log.push('other'));
    scheduler.runDue(100);
    expect(log).toEqual(['stopped', 'restarted', 'other']);
  });

  it('replaces an event scheduled under the same key and forgets cancelled ones', () => {
    const scheduler = createScheduler();
    const log: string[] = [];
    scheduler.schedule('x', 10, () => log.push('first'));
    scheduler.schedule('x', 30, () => log.push('second'));
    scheduler.schedule('y', 5, () => log.push('cancelled'));
    scheduler.cancel('y');
    expect(scheduler.dueAt('x')).toBe(30);
    scheduler.runDue(100);
    expect(log).toEqual(['second']);
  });
});
