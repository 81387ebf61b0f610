import { z } from 'zod';
import { CONNECTOR_KINDS, EXECUTOR_TYPES } from './constants';
import { NamespaceNameSchema, ObjectNameSchema, TargetNameSchema } from './names';

export const ExecutorTypeSchema = z.enum(EXECUTOR_TYPES);

export const ConnectorKindSchema = z.enum(CONNECTOR_KINDS);

export const ConnectorRefSchema = z.object({
  kind: ConnectorKindSchema,
  name: ObjectNameSchema,
  /** The operator's field; kept for export. */
  namespace: NamespaceNameSchema.optional(),
});
export type ConnectorRef = z.infer<typeof ConnectorRefSchema>;

/** Free-form here; each executor's schema checks them (see `checkParameters`). `null` reads as none. */
export const ParametersSchema = z.preprocess(
  (v) => (v === null ? undefined : v),
  z.record(z.string(), z.unknown()).default({}),
);

export const TargetSchema = z.object({
  name: TargetNameSchema,
  type: ExecutorTypeSchema,
  /** Required for every executor except noop (checked with the plan). */
  connectorRef: ConnectorRefSchema.optional(),
  parameters: ParametersSchema,
});
export type Target = z.infer<typeof TargetSchema>;
