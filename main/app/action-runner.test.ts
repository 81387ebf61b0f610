import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/bridge';
import { createActionRunner } from './action-runner';

function setup(answer: Envelope | Error, yes: boolean | Error = true) {
  const log: unknown[] = [];
  const run = createActionRunner({
    call: (method, input) => {
      log.push(['call', method, input]);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    open: (plan) => log.push(['open', plan]),
    quit: () => log.push(['quit']),
    report: (title, message) => log.push(['report', title, message]),
    confirm: (spec) => {
      log.push(['confirm', spec.title]);
      return yes instanceof Error ? Promise.reject(yes) : Promise.resolve(yes);
    },
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

  const hibernate = {
    kind: 'call' as const,
    call: { method: 'hibernateNow' as const, input: { plan: 'dev-env' } },
    confirm: {
      title: 'Hibernate dev-env now?',
      message: 'Hibernate dev-env now?',
      detail: 'This stops its 3 targets now.',
      confirmLabel: 'Hibernate now',
    },
  };

  it('asks first when the action carries a question, and calls after a yes', async () => {
    const { run, log } = setup({ ok: true, result: {} });
    run(hibernate);
    await settle();
    expect(log).toEqual([
      ['confirm', 'Hibernate dev-env now?'],
      ['call', 'hibernateNow', { plan: 'dev-env' }],
    ]);
  });

  it('calls nothing when the user says no', async () => {
    const { run, log } = setup({ ok: true, result: {} }, false);
    run(hibernate);
    await settle();
    expect(log).toEqual([['confirm', 'Hibernate dev-env now?']]);
  });

  it('calls nothing and reports it when the question cannot be asked', async () => {
    const { run, log } = setup({ ok: true, result: {} }, new Error('no display'));
    run(hibernate);
    await settle();
    expect(log).toEqual([
      ['confirm', 'Hibernate dev-env now?'],
      ['report', 'Hibernator could not do that', 'no display'],
    ]);
  });
});
