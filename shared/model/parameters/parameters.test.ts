import { describe, expect, it } from 'vitest';
import type { ExecutorType } from '../constants';
import { formatIssue } from '../issue';
import { parameterSchemas, parseExecutorParameters } from './index';

type Case = [ExecutorType, unknown];

const valid: Case[] = [
  ['ec2', { selector: { instanceIds: ['i-0123456789abcdef0'] }, hibernate: true }],
  ['ec2', { selector: { tags: { env: 'dev', owner: '' } } }],
  [
    'ec2',
    {
      selector: {
        instanceIds: ['i-0aaa'],
        tagSelector: {
          matchExpressions: [{ key: 'Name', operator: 'Matches', values: ['web-*'] }],
        },
      },
    },
  ],
  [
    'rds',
    { selector: { instanceIds: ['db1'], clusterIds: ['aurora1'] }, snapshotBeforeStop: true },
  ],
  ['rds', { selector: { tags: { env: 'dev' }, discoverInstances: true } }],
  ['rds', { selector: { includeAll: true, discoverClusters: true } }],
  [
    'rds',
    {
      selector: {
        excludeTags: { critical: 'true' },
        tagSelector: { matchTags: { env: 'dev' } },
        discoverInstances: true,
      },
    },
  ],
  [
    'eks',
    {
      clusterName: 'dev',
      nodeGroups: [{ name: 'ng-1' }],
      awaitCompletion: { enabled: true, timeout: '10m' },
    },
  ],
  ['eks', { clusterName: 'dev' }],
  ['eks', { clusterName: 'dev', parallelism: 1 }],
  ['rds', { selector: { instanceIds: ['db1'] }, parallelism: 100 }],
  ['asg', { selector: { names: ['workers'] }, parallelism: 10 }],
  ['karpenter', { parallelism: 5 }],
  ['workloadscaler', { namespace: { literals: ['web'] }, parallelism: 20 }],
  ['asg', { selector: { names: ['workers'] } }],
  [
    'asg',
    { selector: { tagSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } } },
  ],
  ['karpenter', {}],
  ['karpenter', { nodePools: ['default'] }],
  ['karpenter', { nodeSelector: { matchLabels: { pool: 'spot' } } }],
  ['workloadscaler', { namespace: { literals: ['web'] } }],
  [
    'workloadscaler',
    {
      namespace: { selector: { team: 'web' } },
      includedGroups: ['StatefulSet', 'apps/v1/deployments', 'argoproj.io/v1alpha1/rollouts'],
    },
  ],
  ['noop', {}],
  ['noop', { randomDelaySeconds: 30, failureMode: 'both', failureMessage: 'boom' }],
];

const invalid: Array<[ExecutorType, unknown, string, string]> = [
  ['ec2', {}, 'selector', 'is required'],
  ['ec2', { selector: {} }, 'selector', 'set instanceIds, tags or tagSelector'],
  ['ec2', { selector: { instanceIds: [] } }, 'selector.instanceIds', 'must not be empty'],
  [
    'ec2',
    { selector: { instanceIds: ['web-1'] } },
    'selector.instanceIds[0]',
    '"web-1" is not an EC2 instance id',
  ],
  [
    'ec2',
    { selector: { tags: { a: 'b' }, tagSelector: { matchTags: { c: 'd' } } } },
    'selector.tags',
    'cannot be combined with tagSelector',
  ],
  ['ec2', { selector: { tags: {} } }, 'selector.tags', 'is empty'],
  ['ec2', { selector: { tagSelector: {} } }, 'selector.tagSelector', 'would match every resource'],
  [
    'ec2',
    { selector: { tagSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } } },
    'selector.tagSelector.matchExpressions[0].values',
    'is required for In',
  ],
  [
    'ec2',
    {
      selector: {
        tagSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      },
    },
    'selector.tagSelector.matchExpressions[0].values',
    'must be empty for Exists',
  ],
  [
    'ec2',
    {
      selector: {
        tagSelector: { matchExpressions: [{ key: 'a', operator: 'Like', values: ['x'] }] },
      },
    },
    'selector.tagSelector.matchExpressions[0].operator',
    'must be one of In, NotIn, Exists, DoesNotExist, Matches, NotMatches',
  ],
  [
    'ec2',
    { selector: { instanceIds: ['i-1'] }, hibernate: 'yes' },
    'hibernate',
    'must be true or false',
  ],
  [
    'ec2',
    { selector: { instanceIds: ['i-1'] }, awaitCompletion: { enabled: true, timeout: '0s' } },
    'awaitCompletion.timeout',
    'must be longer than zero',
  ],
  ['rds', { selector: {} }, 'selector', 'must say which databases to handle'],
  ['rds', { selector: { instanceIds: ['db1'] }, parallelism: 0 }, 'parallelism', 'at least 1'],
  ['eks', { clusterName: 'dev', parallelism: 101 }, 'parallelism', 'at most 100'],
  ['asg', { selector: { names: ['w'] }, parallelism: 2.5 }, 'parallelism', 'whole number'],
  [
    'rds',
    { selector: { instanceIds: ['db1'], includeAll: true, discoverInstances: true } },
    'selector',
    'use one way to select',
  ],
  [
    'rds',
    { selector: { includeAll: true, tags: { a: 'b' }, discoverInstances: true } },
    'selector.includeAll',
    'cannot be combined',
  ],
  [
    'rds',
    { selector: { tags: { a: 'b' }, excludeTags: { c: 'd' }, discoverInstances: true } },
    'selector.tags',
    'cannot be combined with excludeTags',
  ],
  [
    'rds',
    { selector: { includeAll: true } },
    'selector',
    'needs discoverInstances: true and/or discoverClusters: true',
  ],
  ['eks', { clusterName: '' }, 'clusterName', 'must not be empty'],
  ['eks', { clusterName: 'dev', nodeGroups: [{}] }, 'nodeGroups[0].name', 'is required'],
  ['asg', { selector: {} }, 'selector', 'set names, tags or tagSelector'],
  [
    'karpenter',
    { nodePools: ['a'], nodeSelector: { matchLabels: { a: 'b' } } },
    'nodeSelector',
    'cannot be combined with nodePools',
  ],
  [
    'karpenter',
    { nodeSelector: { matchExpressions: [{ key: 'a', operator: 'Matches', values: ['x'] }] } },
    'nodeSelector.matchExpressions[0].operator',
    'must be one of In, NotIn, Exists, DoesNotExist',
  ],
  ['workloadscaler', {}, 'namespace', 'is required'],
  [
    'workloadscaler',
    { namespace: { literals: ['web'], selector: { a: 'b' } } },
    'namespace',
    'set either literals or selector, not both',
  ],
  [
    'workloadscaler',
    { namespace: { literals: ['Web_NS'] } },
    'namespace.literals[0]',
    'is not a valid namespace name',
  ],
  [
    'workloadscaler',
    { namespace: { literals: ['web'] }, includedGroups: ['Deployments'] },
    'includedGroups[0]',
    '(did you mean "Deployment"?)',
  ],
  [
    'workloadscaler',
    { namespace: { literals: ['web'] }, includedGroups: ['rollouts'] },
    'includedGroups[0]',
    'group/version/resource',
  ],
  ['noop', { randomDelaySeconds: -1 }, 'randomDelaySeconds', 'must be between 0 and 30 seconds'],
  ['noop', { randomDelaySeconds: 1.5 }, 'randomDelaySeconds', 'must be a whole number'],
  [
    'noop',
    { failureMode: 'sometimes' },
    'failureMode',
    'must be one of none, shutdown, wakeup, both',
  ],
];

describe('executor parameters', () => {
  it('has a schema for every executor type', () => {
    expect(Object.keys(parameterSchemas).sort()).toEqual([
      'asg',
      'ec2',
      'eks',
      'karpenter',
      'noop',
      'rds',
      'workloadscaler',
    ]);
  });

  it.each(valid)('%s accepts %j', (type, params) => {
    const result = parseExecutorParameters(type, params);
    expect(result.errors.map(formatIssue)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(invalid)('%s refuses %j at %s', (type, params, path, message) => {
    const result = parseExecutorParameters(type, params);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('applies defaults for executors', () => {
    expect(
      parseExecutorParameters('workloadscaler', { namespace: { literals: ['web'] } }).value
        ?.includedGroups,
    ).toEqual(['Deployment']);
    expect(
      parseExecutorParameters('workloadscaler', {
        namespace: { literals: ['web'] },
        includedGroups: [],
      }).value?.includedGroups,
    ).toEqual(['Deployment']);
    expect(parseExecutorParameters('noop', undefined).value).toEqual({ failureMode: 'none' });
    expect(
      parseExecutorParameters('eks', { clusterName: 'c', awaitCompletion: {} }).value
        ?.awaitCompletion,
    ).toEqual({ enabled: false });
  });

  it('reports unknown keys as warnings, at any depth, without failing', () => {
    const result = parseExecutorParameters('ec2', {
      selector: { instanceIds: ['i-1'], instanceId: 'i-2' },
      dryRun: true,
    });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'selector.instanceId',
        message: expect.stringContaining('unknown ec2 parameter "instanceId"'),
      },
      { path: 'dryRun', message: expect.stringContaining('unknown ec2 parameter "dryRun"') },
    ]);
  });

  it('warns that discover flags do nothing with explicit ids', () => {
    const result = parseExecutorParameters('rds', {
      selector: { instanceIds: ['db1'], discoverClusters: true },
    });
    expect(result.warnings).toEqual([
      {
        path: 'selector',
        message: expect.stringContaining('ignored when databases are selected by id'),
      },
    ]);
  });

  it('refuses parameters that are not a mapping', () => {
    expect(parseExecutorParameters('noop', ['x']).errors).toEqual([
      { path: '', message: 'must be a mapping of parameter names to values' },
    ]);
  });
});
