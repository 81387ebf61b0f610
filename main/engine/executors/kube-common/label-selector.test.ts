import { describe, expect, it } from 'vitest';
import { formatLabelMap, formatLabelSelector } from './label-selector';

describe('formatLabelSelector', () => {
  it.each([
    [{}, ''],
    [{ matchLabels: { tier: 'backend', app: 'api' } }, 'app=api,tier=backend'],
    [
      { matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['staging', 'dev'] }] },
      'env in (dev,staging)',
    ],
    [
      { matchExpressions: [{ key: 'env', operator: 'NotIn' as const, values: ['prod'] }] },
      'env notin (prod)',
    ],
    [{ matchExpressions: [{ key: 'critical', operator: 'Exists' as const }] }, 'critical'],
    [{ matchExpressions: [{ key: 'critical', operator: 'DoesNotExist' as const }] }, '!critical'],
    [
      {
        matchLabels: { team: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In' as const, values: ['frontend'] },
          { key: 'skip', operator: 'DoesNotExist' as const },
        ],
      },
      'team=web,tier in (frontend),!skip',
    ],
  ])('writes %j as %j', (selector, expected) => {
    expect(formatLabelSelector(selector)).toBe(expected);
  });

  it('treats an absent selector as everything', () => {
    expect(formatLabelSelector(undefined)).toBe('');
  });

  it('formats a plain label map', () => {
    expect(formatLabelMap({ 'hibernator.ardikabs.com/enabled': 'true', env: 'staging' })).toBe(
      'env=staging,hibernator.ardikabs.com/enabled=true',
    );
  });
});
