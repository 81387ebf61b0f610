import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath } from './issue';

describe('formatPath', () => {
  it.each([
    [
      ['spec', 'schedule', 'offHours', 1, 'daysOfWeek', 0],
      'spec.schedule.offHours[1].daysOfWeek[0]',
    ],
    [
      ['metadata', 'annotations', 'hibernator.ardikabs.com/reason'],
      'metadata.annotations["hibernator.ardikabs.com/reason"]',
    ],
    [['metadata', 'labels', 'cost-center'], 'metadata.labels.cost-center'],
    [[], ''],
    [[0, 'kind'], '[0].kind'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('formatIssue', () => {
  it('writes "path: message", or the message alone for the whole object', () => {
    expect(formatIssue({ path: 'spec.suspend', message: 'must be true or false' })).toBe(
      'spec.suspend: must be true or false',
    );
    expect(formatIssue({ path: '', message: 'must be an object' })).toBe('must be an object');
  });
});
