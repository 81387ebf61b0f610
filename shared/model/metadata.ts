import { z } from 'zod';
import { NamespaceNameSchema, ObjectNameSchema, PlanNameSchema } from './names';
import { StringMapSchema } from './parameters/common';

/**
 * Object metadata as in Kubernetes. `namespace` is kept for export only (the desktop app has
 * one namespace per data directory). Fields the API server fills in (uid, resourceVersion, …)
 * are dropped on import without a warning: they describe a cluster object, not the plan.
 */
function metadataSchema(name: z.ZodType<string>) {
  return z.object({
    name,
    namespace: NamespaceNameSchema.optional(),
    labels: StringMapSchema.optional(),
    annotations: StringMapSchema.optional(),
  });
}

export const PlanMetadataSchema = metadataSchema(PlanNameSchema);
export const ObjectMetadataSchema = metadataSchema(ObjectNameSchema);
export type ObjectMetadata = z.infer<typeof ObjectMetadataSchema>;

export const SERVER_METADATA_FIELDS: ReadonlySet<string> = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);
