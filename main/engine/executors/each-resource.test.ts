import { describe, expect, it } from 'vitest';
import { CodedError, classifyCommonError } from '../errors/coded-error';
import { forEachResource, parallelismOf, throwIfAnyFailed } from './each-resource';

const ids = Array.from({ length: 25 }, (_, i) => `db-${String(i).padStart(2, '0')}`);
const live = { signal: new AbortController().signal };
const options = (parallelism: number) => ({
  parallelism,
  id: (s: string) => s,
  classify: classifyCommonError,
});

describe('forEachResource', () => {
  it('keeps at most `parallelism` calls in flight, and uses them all', async () => {
    let inFlight = 0;
    let most = 0;
    await forEachResource(live, ids, options(4), async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
    });
    expect(most).toBe(4);
  });

  it('records one refusal and still calls every other resource', async () => {
    const called: string[] = [];
    const failures = await forEachResource(live, ids, options(10), async (id) => {
      called.push(id);
      if (id === 'db-07')
        throw new CodedError('INVALID_STATE', 'rds:StopDBInstance refused: read replica source');
    });
    expect(called.sort()).toEqual(ids);
    expect(failures).toEqual([
      {
        id: 'db-07',
        error: {
          code: 'INVALID_STATE',
          message: 'rds:StopDBInstance refused: read replica source',
          transient: false,
        },
      },
    ]);
  });

  it('starts nothing new once the operation is aborted, and says it was cancelled', async () => {
    const abort = new AbortController();
    const called: string[] = [];
    const run = forEachResource({ signal: abort.signal }, ids, options(2), async (id) => {
      called.push(id);
      if (called.length === 3) abort.abort();
      await Promise.resolve();
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(called.length).toBeLessThan(6);
  });
});

describe('throwIfAnyFailed', () => {
  const failure = (id: string, code: string, transient: boolean) => ({
    id,
    error: { code, message: `${id} refused`, transient },
  });

  it('does nothing when every resource succeeded', () => {
    expect(() => throwIfAnyFailed([], 3, 'stopped 3 of 3 databases')).not.toThrow();
  });

  it('names what was done and each failed resource with its reason', () => {
    expect(() =>
      throwIfAnyFailed(
        [failure('a', 'INVALID_STATE', true), failure('b', 'ACCESS_DENIED', false)],
        5,
        'stopped 3 of 5 databases',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PARTIAL_FAILURE',
        transient: false,
        message: 'stopped 3 of 5 databases; 2 failed: a (a refused), b (b refused)',
      }),
    );
  });

  it('keeps the shared code, and is transient only when every failure is', () => {
    expect(() =>
      throwIfAnyFailed(
        [failure('a', 'THROTTLED', true), failure('b', 'THROTTLED', true)],
        4,
        'scaled 2 of 4 node groups to 0',
      ),
    ).toThrow(expect.objectContaining({ code: 'THROTTLED', transient: true }));
  });

  it('fails with the shared error, unchanged, when every resource failed for the same reason', () => {
    const denied = { code: 'KUBE_FORBIDDEN', message: 'forbidden: cannot patch', transient: false };
    expect(() =>
      throwIfAnyFailed(
        [
          { id: 'a', error: denied },
          { id: 'b', error: denied },
        ],
        2,
        'scaled down 0 of 2 workloads',
      ),
    ).toThrow(expect.objectContaining(denied));
  });

  it('fails a one-resource target with that resource own error, unchanged', () => {
    expect(() =>
      throwIfAnyFailed([failure('only', 'ACCESS_DENIED', false)], 1, 'stopped 0 of 1 database'),
    ).toThrow(
      expect.objectContaining({ code: 'ACCESS_DENIED', message: 'only refused', transient: false }),
    );
  });
});

describe('parallelismOf', () => {
  it('defaults to 10 calls in flight', () => {
    expect(parallelismOf({})).toBe(10);
    expect(parallelismOf({ parallelism: 3 })).toBe(3);
  });
});
