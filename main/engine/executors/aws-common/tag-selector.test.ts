import { describe, expect, it } from 'vitest';
import {
  globToRegExp,
  isOptedOut,
  matchesAnyTag,
  matchesTagMap,
  matchesTagSelector,
  tagFilters,
  tagsFromList,
} from './tag-selector';

const tags = { Name: 'web-1', Environment: 'dev', Team: 'web', Empty: '' };

describe('tag selector matching', () => {
  it('matches a tags map exactly, an empty value meaning "the key exists"', () => {
    expect(matchesTagMap(tags, { Environment: 'dev', Team: 'web' })).toBe(true);
    expect(matchesTagMap(tags, { Environment: 'prod' })).toBe(false);
    expect(matchesTagMap(tags, { Team: '' })).toBe(true);
    expect(matchesTagMap(tags, { Owner: '' })).toBe(false);
    expect(matchesTagMap(tags, undefined)).toBe(true);
  });

  it.each([
    [{ key: 'Team', operator: 'In' as const, values: ['web', 'api'] }, true],
    [{ key: 'Team', operator: 'In' as const, values: ['api'] }, false],
    [{ key: 'Owner', operator: 'In' as const, values: ['x'] }, false],
    [{ key: 'Team', operator: 'NotIn' as const, values: ['api'] }, true],
    [{ key: 'Owner', operator: 'NotIn' as const, values: ['x'] }, true],
    [{ key: 'Team', operator: 'NotIn' as const, values: ['web'] }, false],
    [{ key: 'Empty', operator: 'Exists' as const }, true],
    [{ key: 'Owner', operator: 'Exists' as const }, false],
    [{ key: 'Owner', operator: 'DoesNotExist' as const }, true],
    [{ key: 'Team', operator: 'DoesNotExist' as const }, false],
    [{ key: 'Name', operator: 'Matches' as const, values: ['web-*'] }, true],
    [{ key: 'Name', operator: 'Matches' as const, values: ['web-?'] }, true],
    [{ key: 'Name', operator: 'Matches' as const, values: ['api-*', 'db-*'] }, false],
    [{ key: 'Name', operator: 'NotMatches' as const, values: ['api-*'] }, true],
    [{ key: 'Owner', operator: 'NotMatches' as const, values: ['*'] }, true],
    [{ key: 'Name', operator: 'NotMatches' as const, values: ['*-1'] }, false],
  ])('expression %j → %s', (expression, expected) => {
    expect(matchesTagSelector(tags, { matchExpressions: [expression] })).toBe(expected);
  });

  it('ANDs matchTags and every expression', () => {
    expect(
      matchesTagSelector(tags, {
        matchTags: { Environment: 'dev' },
        matchExpressions: [{ key: 'Team', operator: 'In', values: ['web'] }],
      }),
    ).toBe(true);
    expect(
      matchesTagSelector(tags, {
        matchTags: { Environment: 'dev' },
        matchExpressions: [{ key: 'Team', operator: 'In', values: ['api'] }],
      }),
    ).toBe(false);
  });

  it('excludeTags: one matching entry is enough', () => {
    expect(matchesAnyTag(tags, { critical: 'true', Team: 'web' })).toBe(true);
    expect(matchesAnyTag(tags, { critical: 'true' })).toBe(false);
    expect(matchesAnyTag(tags, undefined)).toBe(false);
  });

  it('globs treat regex characters literally and honour escapes', () => {
    expect(globToRegExp('a.b*').test('a.bcd')).toBe(true);
    expect(globToRegExp('a.b*').test('axbcd')).toBe(false);
    expect(globToRegExp('a\\*').test('a*')).toBe(true);
    expect(globToRegExp('a\\*').test('ab')).toBe(false);
  });

  it('recognises the opt-out tag whatever its case', () => {
    expect(isOptedOut({ 'hibernator.ardikabs.com/exclude': 'True' })).toBe(true);
    expect(isOptedOut({ 'hibernator.ardikabs.com/exclude': 'false' })).toBe(false);
    expect(isOptedOut({})).toBe(false);
  });

  it('flattens AWS tag lists', () => {
    expect(tagsFromList([{ Key: 'a', Value: '1' }, { Key: 'b' }, { Value: 'orphan' }])).toEqual({
      a: '1',
      b: '',
    });
  });

  it('builds server-side filters that only narrow', () => {
    expect(
      tagFilters(
        { Environment: 'dev', Owner: '' },
        {
          matchExpressions: [
            { key: 'Team', operator: 'In', values: ['web', 'api'] },
            { key: 'Name', operator: 'Matches', values: ['web-*'] },
            { key: 'x', operator: 'NotIn', values: ['y'] },
          ],
        },
        true,
      ),
    ).toEqual([
      { Name: 'tag:Environment', Values: ['dev'] },
      { Name: 'tag-key', Values: ['Owner'] },
      { Name: 'tag:Team', Values: ['web', 'api'] },
      { Name: 'tag:Name', Values: ['web-*'] },
    ]);
    expect(
      tagFilters(
        undefined,
        { matchExpressions: [{ key: 'Name', operator: 'Matches', values: ['web-*'] }] },
        false,
      ),
    ).toEqual([{ Name: 'tag-key', Values: ['Name'] }]);
  });
});
