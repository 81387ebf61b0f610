import { z } from 'zod';
import { ALWAYS, type RawIssue } from '../issue';
import { NamespaceNameSchema } from '../names';
import { arrayAt, isRecord, isSet } from '../raw';
import {
  AwaitCompletionSchema,
  LabelSelectorSchema,
  ParallelismSchema,
  StringMapSchema,
} from './common';

export const BUILTIN_WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'] as const;
const GVR = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?\/v[a-z0-9]+\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A built-in kind, or `group/version/resource` of a custom resource with a scale subresource. */
export const WorkloadGroupSchema = z.string().superRefine((text, ctx) => {
  if ((BUILTIN_WORKLOAD_KINDS as readonly string[]).includes(text) || GVR.test(text)) return;
  const near = BUILTIN_WORKLOAD_KINDS.find(
    (k) => k.toLowerCase() === text.toLowerCase().replace(/s$/, ''),
  );
  const hint = near ? ` (did you mean "${near}"?)` : '';
  ctx.addIssue({
    code: 'custom',
    message: `"${text}" is not a workload group${hint}: use Deployment, StatefulSet, ReplicaSet or group/version/resource such as argoproj.io/v1alpha1/rollouts`,
  });
});

/** Namespaces by name or by label selector, exactly one of the two. */
export const NamespaceSelectorSchema = z
  .object({
    literals: z
      .array(NamespaceNameSchema)
      .min(1, { error: 'must not be empty: list at least one namespace' })
      .optional(),
    selector: StringMapSchema.refine((m) => Object.keys(m).length > 0, {
      error: 'must not be empty: add at least one label',
    }).optional(),
  })
  .superRefine((value, ctx) => {
    if (!isRecord(value)) return;
    const literals = value.literals !== undefined;
    const selector = value.selector !== undefined;
    if (!literals && !selector)
      ctx.addIssue({
        code: 'custom',
        message: 'must set literals (namespace names) or selector (namespace labels)',
      });
    if (literals && selector)
      ctx.addIssue({ code: 'custom', message: 'set either literals or selector, not both' });
  }, ALWAYS);

export const WorkloadScalerParametersSchema = z.object({
  /** Empty or absent = `[Deployment]`, as in the operator. */
  includedGroups: z
    .array(WorkloadGroupSchema)
    .optional()
    .transform((groups) => (groups && groups.length > 0 ? groups : ['Deployment'])),
  namespace: NamespaceSelectorSchema,
  workloadSelector: LabelSelectorSchema.optional(),
  awaitCompletion: AwaitCompletionSchema.optional(),
  parallelism: ParallelismSchema.optional(),
});
export type WorkloadScalerParameters = z.infer<typeof WorkloadScalerParametersSchema>;

export function workloadScalerParameterWarnings(params: unknown): RawIssue[] {
  const out: RawIssue[] = [];
  const seen = new Set<string>();
  (arrayAt(params, 'includedGroups') ?? []).forEach((group, i) => {
    if (typeof group !== 'string') return;
    if (seen.has(group))
      out.push({ path: ['includedGroups', i], message: `"${group}" is listed twice` });
    seen.add(group);
  });
  if (
    isRecord(params) &&
    isSet(params.includedGroups) === false &&
    Array.isArray(params.includedGroups)
  ) {
    out.push({
      path: ['includedGroups'],
      message: 'is empty, so only Deployments are scaled (the default)',
    });
  }
  return out;
}
