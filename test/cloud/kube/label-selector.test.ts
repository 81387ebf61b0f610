import { describe, expect, it } from 'vitest';
import { formatLabelSelector, matchesRequirements, parseLabelSelector } from './label-selector';

const labels = { app: 'web', tier: 'frontend', 'example.com/owner': 'team-a', replicas: '3' };

function selects(selector: string): boolean {
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) throw new Error(parsed.message);
  return matchesRequirements(parsed.requirements, labels);
}

describe('label selector strings', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['tier in (frontend, backend)', true],
    ['tier in (backend)', false],
    ['tier notin (backend,batch)', true],
    ['missing notin (x)', true],
    ['example.com/owner', true],
    ['!example.com/owner', false],
    ['!missing', true],
    ['app=web,tier=backend', false],
    ['app=web, tier in (frontend), !missing', true],
    ['replicas>2', true],
    ['replicas<3', false],
    ['app=', false],
  ])('%s selects the labelled object: %s', (selector, expected) => {
    expect(selects(selector)).toBe(expected);
  });

  it.each([
    ['app in ()'],
    ['app in (a'],
    ['=web'],
    ['app=web,'],
    ['app=-bad-'],
    ['Bad_Prefix.com/x=y'],
    ['tier notin frontend'],
  ])('rejects %s with an apiserver-style parse error', (selector) => {
    const parsed = parseLabelSelector(selector);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^unable to parse requirement: /);
  });

  it('renders structured selectors sorted by key, as Scale.status.selector shows them', () => {
    expect(
      formatLabelSelector({ tier: 'web', app: 'x' }, [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'zz', operator: 'DoesNotExist' },
      ]),
    ).toBe('app=x,env in (dev,prod),tier=web,!zz');
  });
});
