import { z } from 'zod';
import { API_VERSION, NOTIFICATION_KIND } from './constants';
import { ALWAYS, IssueCollector, addRuleErrors, type RuleResult } from './issue';
import { ObjectMetadataSchema } from './metadata';
import { nonEmpty } from './names';
import { type LabelSelector, LabelSelectorSchema } from './parameters/common';
import { arrayAt, recordAt, stringAt } from './raw';

/** The operator's hook points (api/v1alpha1 NotificationEvent); same meaning, see docs/notifications.md. */
export const NOTIFICATION_EVENTS = [
  'Start',
  'Success',
  'Failure',
  'Recovery',
  'PhaseChange',
  'ExecutionProgress',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const SINK_TYPES = ['slack', 'telegram', 'webhook'] as const;
export type SinkType = (typeof SINK_TYPES)[number];

/** The operator's defaults when `key` is omitted. */
export const DEFAULT_SECRET_KEY = 'config';
export const DEFAULT_TEMPLATE_KEY = 'template.gotpl';

const ObjectKeyReferenceSchema = z.object({
  name: nonEmpty('Secret or ConfigMap name'),
  key: nonEmpty('key').optional(),
});
export type ObjectKeyReference = z.infer<typeof ObjectKeyReferenceSchema>;

export const NotificationSinkSchema = z.object({
  name: nonEmpty('sink name'),
  type: z.enum(SINK_TYPES, {
    error: (i) =>
      i.input === undefined
        ? 'is required: use slack, telegram or webhook'
        : `${JSON.stringify(i.input)} is not a sink type: use slack, telegram or webhook`,
  }),
  /** The Secret holding the sink's config (key `config`, JSON); here its value lives in the secrets file. */
  secretRef: ObjectKeyReferenceSchema,
  /** Kept for export; the desktop always uses its built-in format. */
  templateRef: ObjectKeyReferenceSchema.optional(),
});
export type NotificationSink = z.infer<typeof NotificationSinkSchema>;

export const NotificationSpecSchema = z.object({
  /** Plans of this data directory whose labels match; `{}` selects every plan. */
  selector: LabelSelectorSchema,
  onEvents: z
    .array(
      z.enum(NOTIFICATION_EVENTS, {
        error: (i) =>
          `${JSON.stringify(i.input)} is not an event: use ${NOTIFICATION_EVENTS.join(', ')}`,
      }),
    )
    .min(1, {
      error: 'must not be empty: list at least one event, e.g. [Start, Success, Failure]',
    }),
  sinks: z
    .array(NotificationSinkSchema)
    .min(1, { error: 'must not be empty: add at least one sink { name, type, secretRef }' }),
});

/** The operator's admission rule beyond the schema: unique sink names (the selector's rules are in its schema). */
export function checkNotification(value: unknown): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(value, 'spec');
  const seen = new Map<string, number>();
  (arrayAt(spec, 'sinks') ?? []).forEach((sink, i) => {
    const name = stringAt(sink, 'name');
    if (name === undefined || name === '') return;
    const first = seen.get(name);
    if (first !== undefined)
      out.error(
        ['spec', 'sinks', i, 'name'],
        `duplicate sink name "${name}" (first defined at spec.sinks[${first}]): sink names must be unique`,
      );
    else seen.set(name, i);
  });
  return out;
}

/** A HibernateNotification: which plans (by label), which events, which sinks. */
export const NotificationSchema = z
  .object({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(NOTIFICATION_KIND),
    metadata: ObjectMetadataSchema,
    spec: NotificationSpecSchema,
  })
  .superRefine((value, ctx) => addRuleErrors(ctx, checkNotification(value).errors), ALWAYS);
export type HibernateNotification = z.infer<typeof NotificationSchema>;

/** Kubernetes label-selector semantics: every matchLabels pair and every expression must hold. */
export function matchesSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (have[key] !== value) return false;
  for (const e of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, e.key);
    const value = have[e.key];
    const inValues = present && value !== undefined && (e.values ?? []).includes(value);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !present) return false;
    if (e.operator === 'DoesNotExist' && present) return false;
  }
  return true;
}
