import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/bridge';
import { createActionRunner, type ActionRunnerDeps } from './action-runner';

function setup(
  answer: Envelope | Error,
  yes: boolean | Error = true,
  question?: ActionRunnerDeps['question'],
) {
  const log: unknown[] = [];
  const run = createActionRunner({
    call: (method, input) => {
      log.push(['call', method, input]);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    open: (plan) => log.push(['open', plan]),
    quit: () => log.push(['quit']),
    notify: (outcome) =>
      log.push(
        outcome.ok
          ? ['notify', outcome.call.method, outcome.result]
          : ['refused', outcome.call.method, outcome.message],
      ),
    confirm: (spec) => {
      log.push(['confirm', spec.title]);
      return yes instanceof Error ? Promise.reject(yes) : Promise.resolve(yes);
    },
    ...(question ? { question } : {}),
  });
  return { run, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createActionRunner', () => {
  it('runs API calls and tells what came of them', async () => {
    const { run, log } = setup({ ok: true, result: { plan: 'dev-env', message: 'awake' } });
    run({ kind: 'call', call: { method: 'wakeNow', input: { plan: 'dev-env' } } });
    await settle();
    expect(log).toEqual([
      ['call', 'wakeNow', { plan: 'dev-env' }],
      ['notify', 'wakeNow', { plan: 'dev-env', message: 'awake' }],
    ]);
  });

  it("reports the engine's refusal in its own words", async () => {
    const { run, log } = setup({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Plan dev-env is already asleep.' },
    });
    run({ kind: 'call', call: { method: 'hibernateNow', input: { plan: 'dev-env' } } });
    await settle();
    expect(log.at(-1)).toEqual(['refused', 'hibernateNow', 'Plan dev-env is already asleep.']);
  });

  it('reports a failed call instead of throwing', async () => {
    const { run, log } = setup(new Error('engine closed'));
    run({ kind: 'call', call: { method: 'retry', input: { plan: 'qa' } } });
    await settle();
    expect(log.at(-1)).toEqual(['refused', 'retry', 'engine closed']);
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
      ['notify', 'hibernateNow', {}],
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
      ['refused', 'hibernateNow', 'no display'],
    ]);
  });

  const keepTomorrow = {
    kind: 'call' as const,
    call: { method: 'keepAwakeUntilTomorrow' as const, input: { plan: 'dev-env' } },
  };
  const long = {
    title: 'Keep awake dev-env until Mon 05:00?',
    message: 'Keep awake dev-env until Mon 05:00?',
    detail: 'That is 62 h and costs 48 h awake. The plan returns to its schedule afterwards.',
    confirmLabel: 'Keep awake',
  };

  it('asks the question the action needs now, even when the item carries none', async () => {
    const { run, log } = setup({ ok: true, result: {} }, false, () => Promise.resolve(long));
    run(keepTomorrow);
    await settle();
    expect(log).toEqual([['confirm', 'Keep awake dev-env until Mon 05:00?']]);
  });

  it('asks nothing when the action needs no question', async () => {
    const { run, log } = setup({ ok: true, result: {} }, false, () => Promise.resolve(undefined));
    run(keepTomorrow);
    await settle();
    expect(log.map((l) => (l as string[])[0])).toEqual(['call', 'notify']);
  });

  it('calls nothing when the question cannot be worked out', async () => {
    const { run, log } = setup({ ok: true, result: {} }, true, () =>
      Promise.reject(new Error('engine closed')),
    );
    run(keepTomorrow);
    await settle();
    expect(log).toEqual([['refused', 'keepAwakeUntilTomorrow', 'engine closed']]);
  });
});
