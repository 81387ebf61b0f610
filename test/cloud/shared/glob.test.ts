import { describe, expect, it } from 'vitest';
import { matchesGlob } from './glob';

describe('matchesGlob', () => {
  it.each([
    ['t3.*', 't3.micro', true],
    ['t3.*', 'm5.large', false],
    ['web-?', 'web-1', true],
    ['web-?', 'web-10', false],
    ['ec2:*', 'ec2:StopInstances', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['1.2', '1x2', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(matchesGlob(pattern, value)).toBe(expected);
  });
});
