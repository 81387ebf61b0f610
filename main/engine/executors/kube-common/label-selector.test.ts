import { describe, expect, it } from 'vitest';
import { formatLabelMap, formatLabelSelector, matchesLabelSelector } from './label-selector';

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

describe('matchesLabelSelector', () => {
  const labels = { app: 'api', env: 'dev' };
  it.each([
    [undefined, true],
    [{}, true],
    [{ matchLabels: { app: 'api' } }, true],
    [{ matchLabels: { app: 'web' } }, false],
    [{ matchLabels: { app: 'api', team: 'x' } }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['dev', 'qa'] }] }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['prod'] }] }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn' as const, values: ['dev'] }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn' as const, values: ['db'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' as const }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' as const }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' as const }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' as const }] }, false],
  ])('%j on {app: api, env: dev} is %s', (selector, expected) => {
    expect(matchesLabelSelector(labels, selector)).toBe(expected);
  });

  it('treats missing labels as an empty set', () => {
    expect(matchesLabelSelector(undefined, { matchLabels: { app: 'api' } })).toBe(false);
  });
});
