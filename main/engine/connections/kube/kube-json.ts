import { KubeObjectSchema, type KubeObject, type ScaleState } from './kube-api';

/** Typed client-node objects (core group) and raw JSON (custom objects) end up as the same plain JSON. */
export function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function toScale(value: unknown): ScaleState {
  const v = record(plain(value));
  const spec = record(v.spec);
  const status = record(v.status);
  // Go omits zero counts: an absent number is 0.
  return {
    replicas: typeof spec.replicas === 'number' ? spec.replicas : 0,
    observed: typeof status.replicas === 'number' ? status.replicas : 0,
  };
}

export interface Page {
  kind?: string;
  items: KubeObject[];
  continueToken?: string;
}

export function toPage(value: unknown): Page {
  const v = record(plain(value));
  const metadata = record(v.metadata);
  const token =
    typeof metadata.continue === 'string'
      ? metadata.continue
      : typeof metadata._continue === 'string'
        ? metadata._continue
        : undefined;
  const items = (Array.isArray(v.items) ? v.items : []).flatMap((item) => {
    const parsed = KubeObjectSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    ...(typeof v.kind === 'string' ? { kind: v.kind } : {}),
    items,
    ...(token ? { continueToken: token } : {}),
  };
}
