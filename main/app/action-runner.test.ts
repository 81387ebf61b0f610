import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/bridge';
import { createActionRunner } from './action-runner';

function setup(answer: Envelope | Error) {
  const log: unknown[] = [];
  const run = createActionRunner({
    call: (method, input) => {
      log.push(['call', method, input]);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    open: (plan) => log.push(['open', plan]),
    quit: () => log.push(['quit']),
    report: (title, message) => log.push(['report', title, message]),
  });
  return { run, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createActionRunner', () => {
  it('runs API calls and stays quiet when they succeed', async () => {
    const { run, log } = setup({ ok: true, result: {} });
    run({ kind: 'call', call: { method: 'wakeNow', input: { plan: 'dev-env' } } });
    await settle();
    expect(log).toEqual([['call', 'wakeNow', { plan: 'dev-env' }]]);
  });

  it("reports the engine's refusal in its own words", async () => {
    const { run, log } = setup({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Plan dev-env is already asleep.' },
    });
    run({ kind: 'call', call: { method: 'hibernateNow', input: { plan: 'dev-env' } } });
    await settle();
    expect(log.at(-1)).toEqual([
      'report',
      'Hibernator could not do that',
      'Plan dev-env is already asleep.',
    ]);
  });

  it('reports a failed call instead of throwing', async () => {
    const { run, log } = setup(new Error('engine closed'));
    run({ kind: 'call', call: { method: 'retry', input: { plan: 'qa' } } });
    await settle();
    expect(log.at(-1)).toEqual(['report', 'Hibernator could not do that', 'engine closed']);
  });

  it('opens the window (at a plan) and quits', () => {
    const { run, log } = setup({ ok: true, result: null });
    run({ kind: 'open', plan: 'qa' });
    run({ kind: 'open' });
    run({ kind: 'quit' });
    expect(log).toEqual([['open', 'qa'], ['open', undefined], ['quit']]);
  });
});
