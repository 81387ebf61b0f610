import { describe, expect, it } from 'vitest';
import { routeParameterErrors } from './route-errors';

const PREFIX = 'spec.targets[1].parameters';

describe('routeParameterErrors', () => {
  it('puts each message under the field it is about, with the item path for list items', () => {
    const errors = new Map([
      [`${PREFIX}.selector.instanceIds[0]`, ['"bad" is not an EC2 instance id']],
      [`${PREFIX}.selector.tags`, ['cannot be combined with instanceIds']],
    ]);
    const routed = routeParameterErrors(errors, PREFIX, [
      ['selector', 'instanceIds'],
      ['selector', 'tags'],
    ]);
    expect(routed.byField.get('selector.instanceIds')).toEqual([
      '[0]: "bad" is not an EC2 instance id',
    ]);
    expect(routed.byField.get('selector.tags')).toEqual(['cannot be combined with instanceIds']);
    expect(routed.rest).toEqual([]);
  });

  it('keeps messages about the whole selector or fields without a form input for the YAML box', () => {
    const errors = new Map([
      [`${PREFIX}.selector`, ['must say which instances to handle']],
      [`${PREFIX}.selector.tagSelector`, ['is empty and would match every resource']],
      [PREFIX, ['must be a mapping']],
    ]);
    const routed = routeParameterErrors(errors, PREFIX, [['selector', 'tags']]);
    expect(routed.byField.size).toBe(0);
    expect(routed.rest).toEqual([
      'selector: must say which instances to handle',
      'selector.tagSelector: is empty and would match every resource',
      'must be a mapping',
    ]);
  });

  it('ignores messages of other targets, also those whose index starts alike', () => {
    const errors = new Map([
      ['spec.targets[10].parameters.selector', ['other target']],
      ['spec.targets[1].name', ['not a parameter']],
    ]);
    const routed = routeParameterErrors(errors, PREFIX, [['selector']]);
    expect(routed.byField.size).toBe(0);
    expect(routed.rest).toEqual([]);
  });
});
