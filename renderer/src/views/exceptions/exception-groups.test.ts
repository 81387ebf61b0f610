import { describe, expect, it } from 'vitest';
import type { ScheduleException } from '../../../../shared/model';
import { endedAt, extendedBy, groupExceptions, groupOf } from './exception-groups';

function exception(name: string, validFrom: string, validUntil: string): ScheduleException {
  return {
    apiVersion: 'hibernator.ardikabs.com/v1alpha1',
    kind: 'ScheduleException',
    metadata: { name },
    spec: {
      planRef: { name: 'demo' },
      type: 'suspend',
      validFrom,
      validUntil,
      windows: [{ start: '00:00', end: '24:00', daysOfWeek: ['MON'] }],
    },
  };
}

const NOW = new Date('2026-11-26T12:00:00Z');

describe('exception groups', () => {
  it('is Active from validFrom (inclusive) until validUntil (exclusive)', () => {
    expect(groupOf(exception('a', '2026-11-26T12:00:00Z', '2026-11-27T00:00:00Z'), NOW)).toBe(
      'Active',
    );
    expect(groupOf(exception('b', '2026-11-26T13:00:00Z', '2026-11-27T00:00:00Z'), NOW)).toBe(
      'Pending',
    );
    expect(groupOf(exception('c', '2026-11-25T00:00:00Z', '2026-11-26T12:00:00Z'), NOW)).toBe(
      'Expired',
    );
  });

  it('orders each group by what happens next', () => {
    const groups = groupExceptions(
      [
        exception('late-end', '2026-11-20T00:00:00Z', '2026-11-30T00:00:00Z'),
        exception('soon-end', '2026-11-21T00:00:00Z', '2026-11-27T00:00:00Z'),
        exception('old', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'),
        exception('recent', '2026-11-20T00:00:00Z', '2026-11-25T00:00:00Z'),
      ],
      NOW,
    );
    expect(groups.Active.map((e) => e.metadata.name)).toEqual(['soon-end', 'late-end']);
    expect(groups.Expired.map((e) => e.metadata.name)).toEqual(['recent', 'old']);
    expect(groups.Pending).toEqual([]);
  });

  it('ends an exception now, and extends one by hours but never past 90 days', () => {
    const e = exception('x', '2026-11-26T00:00:00Z', '2026-11-26T18:00:00Z');
    expect(endedAt(e, new Date('2026-11-26T12:34:56.789Z')).spec.validUntil).toBe(
      '2026-11-26T12:34:56Z',
    );
    expect(extendedBy(e, 3).spec.validUntil).toBe('2026-11-26T21:00:00Z');
    const long = exception('y', '2026-11-26T00:00:00Z', '2027-02-23T23:00:00Z');
    expect(extendedBy(long, 3).spec.validUntil).toBe('2027-02-24T00:00:00Z');
  });
});
