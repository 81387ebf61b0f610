import { z } from 'zod';
import { ALWAYS, type RawIssue } from '../issue';
import { field, isRecord, isSet } from '../raw';
import {
  AwaitCompletionSchema,
  ParallelismSchema,
  IdListSchema,
  TagSelectorSchema,
  nonEmptyMap,
} from './common';

const DB_ID = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

/**
 * Three ways to select, one at a time (the operator's rule): explicit ids; tags (tags,
 * excludeTags or tagSelector); or includeAll. The dynamic ways also need discoverInstances
 * and/or discoverClusters, so that "all databases" is never selected by accident.
 */
function checkSelector(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  if (!isRecord(value)) return;
  const has = (key: string): boolean => isSet(value[key]);
  const byIds = has('instanceIds') || has('clusterIds');
  const byTags = has('tags') || has('excludeTags') || has('tagSelector');
  const all = value.includeAll === true;
  const add = (message: string, path: string[] = []): void =>
    ctx.addIssue({ code: 'custom', path, message });

  if (!byIds && !byTags && !all) {
    add(
      'must say which databases to handle: set instanceIds/clusterIds, or tags/excludeTags/tagSelector/includeAll together with discoverInstances or discoverClusters',
    );
    return;
  }
  if (byIds && (byTags || all))
    add(
      'use one way to select: ids (instanceIds/clusterIds), tags (tags/excludeTags/tagSelector) or includeAll, not several',
    );
  else if (byTags && all)
    add('includeAll cannot be combined with tags, excludeTags or tagSelector: remove one of them', [
      'includeAll',
    ]);
  if (has('tags') && has('excludeTags'))
    add(
      'cannot be combined with excludeTags: use tagSelector for include and exclude rules together',
      ['tags'],
    );
  if (has('tags') && has('tagSelector'))
    add('cannot be combined with tagSelector: move these tags into tagSelector.matchTags', [
      'tags',
    ]);
  if (
    (byTags || all) &&
    !byIds &&
    value.discoverInstances !== true &&
    value.discoverClusters !== true
  ) {
    add(
      'selecting by tags or includeAll also needs discoverInstances: true and/or discoverClusters: true, to say which kinds of database to look for',
    );
  }
}

export const RdsSelectorSchema = z
  .object({
    instanceIds: IdListSchema('an RDS instance identifier', DB_ID, 'db-orders-1').optional(),
    clusterIds: IdListSchema('an RDS cluster identifier', DB_ID, 'aurora-orders').optional(),
    tags: nonEmptyMap('tags').optional(),
    excludeTags: nonEmptyMap('excludeTags').optional(),
    tagSelector: TagSelectorSchema.optional(),
    includeAll: z.boolean().optional(),
    discoverInstances: z.boolean().optional(),
    discoverClusters: z.boolean().optional(),
  })
  .superRefine(checkSelector, ALWAYS);

export const RdsParametersSchema = z.object({
  snapshotBeforeStop: z.boolean().optional(),
  selector: RdsSelectorSchema,
  awaitCompletion: AwaitCompletionSchema.optional(),
  parallelism: ParallelismSchema.optional(),
});
export type RdsParameters = z.infer<typeof RdsParametersSchema>;

export function rdsParameterWarnings(params: unknown): RawIssue[] {
  const selector = field(params, 'selector');
  if (!isRecord(selector)) return [];
  const byIds = isSet(selector.instanceIds) || isSet(selector.clusterIds);
  if (
    byIds &&
    (selector.discoverInstances !== undefined || selector.discoverClusters !== undefined)
  ) {
    return [
      {
        path: ['selector'],
        message:
          'discoverInstances and discoverClusters are ignored when databases are selected by id',
      },
    ];
  }
  return [];
}
