import { describe, expect, it } from 'vitest';
import { createResource } from './resource';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('resource store', () => {
  it('coalesces refreshes during a fetch into exactly one more fetch', async () => {
    let calls = 0;
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const r = createResource(() => {
      const gate = gates[calls];
      calls += 1;
      return gate ? gate.promise : Promise.resolve(-1);
    });
    const first = r.refresh();
    void r.refresh();
    void r.refresh();
    gates[0]?.resolve(1);
    await Promise.resolve();
    gates[1]?.resolve(2);
    await first;
    expect(calls).toBe(2);
    expect(r.store.getState().data).toBe(2);
  });

  it('drops the answer for a key that is no longer shown', async () => {
    const gates = new Map([
      ['a', deferred<string>()],
      ['b', deferred<string>()],
    ]);
    const r = createResource((key) => gates.get(key ?? '')?.promise ?? Promise.resolve('?'));
    void r.open('a');
    const done = r.open('b');
    gates.get('a')?.resolve('plan a');
    gates.get('b')?.resolve('plan b');
    await done;
    expect(r.store.getState()).toMatchObject({ key: 'b', data: 'plan b' });
  });

  it('keeps the shown data while a refresh runs, and records a failure without losing it', async () => {
    let fail = false;
    const r = createResource(async () => {
      if (fail) throw new Error('engine stopped');
      return 'fresh';
    });
    await r.refresh();
    fail = true;
    const pending = r.refresh();
    expect(r.store.getState()).toMatchObject({ data: 'fresh', loading: true });
    await pending;
    expect(r.store.getState().data).toBe('fresh');
    expect(r.store.getState().error?.message).toBe('engine stopped');
  });

  it('patches loaded data and ignores patches before the first load', async () => {
    const r = createResource(async () => [1, 2]);
    r.patch((d) => [...d, 3]);
    expect(r.store.getState().data).toBeUndefined();
    await r.refresh();
    r.patch((d) => [...d, 3]);
    expect(r.store.getState().data).toEqual([1, 2, 3]);
  });
});
