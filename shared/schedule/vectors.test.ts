import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { exceptionOf, iso, planOf } from './test-fixtures';
import type { ExceptionType, OffHourWindow } from './types';
import { upcoming } from './upcoming';

interface VectorCase {
  name: string;
  timezone: string;
  offHours: OffHourWindow[];
  exceptions?: Array<{
    type: ExceptionType;
    validFrom: string;
    validUntil: string;
    leadTime?: string;
    windows: OffHourWindow[];
  }>;
  at: string;
  expect: { hibernate: boolean; upcoming: Array<{ at: string; operation: string }> };
}

// The project's own copy of the spec's vectors (kept in sync by hand when the spec changes).
const file = new URL('../../test/fixtures/schedule/schedule-vectors.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(fileURLToPath(file), 'utf8')) as { cases: VectorCase[] };

describe('schedule vectors (test/fixtures/schedule/schedule-vectors.json)', () => {
  it('loads a non-empty list of cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(c.name, () => {
      const plan = planOf(c.timezone, c.offHours);
      const exceptions = (c.exceptions ?? []).map((e, i) => exceptionOf(e, i));
      const instant = new Date(c.at);
      expect(evaluate(plan, exceptions, instant).hibernate).toBe(c.expect.hibernate);
      // The vectors list the next three transitions (fewer only when there are no more).
      const next = upcoming(plan, exceptions, instant, 3);
      expect(next.map((t) => ({ at: iso(t.at), operation: t.operation }))).toEqual(
        c.expect.upcoming,
      );
    });
  }
});
