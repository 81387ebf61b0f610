import { describe, expect, it } from 'vitest';
import { ASG_FILTERS, EC2_FILTERS, QueryParams, RDS_FILTERS } from './query-params';

describe('QueryParams', () => {
  it('reads numbered lists in index order, not key order', () => {
    const params = new QueryParams('InstanceId.10=i-c&InstanceId.2=i-b&InstanceId.1=i-a');
    expect(params.list('InstanceId')).toEqual(['i-a', 'i-b', 'i-c']);
  });

  it('reads filters in each service spelling', () => {
    expect(
      new QueryParams(
        'Filter.1.Name=tag%3AEnv&Filter.1.Value.1=dev&Filter.1.Value.2=x%20y',
      ).filters(EC2_FILTERS),
    ).toEqual([{ name: 'tag:Env', values: ['dev', 'x y'] }]);
    expect(
      new QueryParams(
        'Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=postgres',
      ).filters(RDS_FILTERS),
    ).toEqual([{ name: 'engine', values: ['postgres'] }]);
    expect(
      new QueryParams(
        'Filters.member.1.Name=tag-key&Filters.member.1.Values.member.1=Team',
      ).filters(ASG_FILTERS),
    ).toEqual([{ name: 'tag-key', values: ['Team'] }]);
  });

  it('rejects non-integer and non-boolean values with InvalidParameterValue', () => {
    expect(() => new QueryParams('MaxResults=ten').int('MaxResults')).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
    expect(() => new QueryParams('DryRun=yes').bool('DryRun')).toThrow(
      expect.objectContaining({ code: 'InvalidParameterValue' }),
    );
    expect(() => new QueryParams('').require('RoleArn', 'ValidationError')).toThrow(
      expect.objectContaining({ code: 'ValidationError' }),
    );
  });
});
