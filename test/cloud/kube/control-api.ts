/**
 * The emulator's own HTTP control surface under `/_emulator/`, for tests and the demo running
 * in another process. It needs no token: it only ever listens on loopback.
 *
 *   GET    /_emulator/state        every stored object, by storage bucket
 *   POST   /_emulator/seed         replace the whole state with a seed (JSON body)
 *   GET    /_emulator/calls        call counts per operation;   DELETE resets them
 *   POST   /_emulator/faults       add a fault rule (JSON body); DELETE removes all rules
 *   GET    /_emulator/faults       the active rules
 *   POST   /_emulator/settle       apply every pending delayed change now
 *   POST   /_emulator/compact      expire every continue token issued so far
 *   GET    /_emulator/kubeconfig   a kubeconfig for this emulator (YAML)
 */
import type { ApiResponse } from './api-handler';
import { INJECTED_STATUSES, type KubeFaultRule } from './faults';
import { isObject } from './json';
import type { KubeSeed } from './seed';
import { parseSeed } from './seed-schema';

export interface ControlTarget {
  state(): unknown;
  seed(seed?: KubeSeed): void;
  calls(): Record<string, number>;
  resetCalls(): void;
  fault(rule: KubeFaultRule): () => void;
  faults(): KubeFaultRule[];
  clearFaults(): void;
  settle(): void;
  compact(): void;
  kubeconfig(contextName?: string): string;
}

function problem(status: number, message: string): ApiResponse {
  return {
    status,
    body: { error: { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message } },
  };
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: body.trim() === '' ? {} : JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function parseFaultRule(value: unknown): KubeFaultRule | undefined {
  if (!isObject(value)) return undefined;
  const rule: KubeFaultRule = {};
  if (typeof value.operation === 'string') rule.operation = value.operation;
  if (typeof value.latencyMs === 'number') rule.latencyMs = value.latencyMs;
  const status = INJECTED_STATUSES.find((s) => s === value.status);
  if (status !== undefined) rule.status = status;
  if (typeof value.rate === 'number') rule.rate = value.rate;
  if (Array.isArray(value.nth))
    rule.nth = value.nth.filter((n): n is number => typeof n === 'number');
  if (typeof value.times === 'number') rule.times = value.times;
  if (typeof value.message === 'string') rule.message = value.message;
  if (value.ignoreSelectors === true) rule.ignoreSelectors = true;
  return rule;
}

export function handleControl(
  target: ControlTarget,
  method: string,
  url: URL,
  body: string,
): ApiResponse {
  const action = url.pathname.replace(/^\/_emulator\/?/, '').replace(/\/+$/, '');
  const key = `${method} ${action}`;
  switch (key) {
    case 'GET state':
      return { status: 200, body: target.state() };
    case 'POST seed': {
      const json = parseJson(body);
      if (!json.ok) return problem(400, 'the seed is not valid JSON');
      const parsed = parseSeed(json.value);
      if (!parsed.ok) return problem(400, parsed.message);
      try {
        target.seed(parsed.seed);
      } catch (err) {
        return problem(400, err instanceof Error ? err.message : String(err));
      }
      return { status: 200, body: { ok: true } };
    }
    case 'GET calls':
      return { status: 200, body: target.calls() };
    case 'DELETE calls':
      target.resetCalls();
      return { status: 200, body: { ok: true } };
    case 'GET faults':
      return { status: 200, body: target.faults() };
    case 'POST faults': {
      const json = parseJson(body);
      const rule = json.ok ? parseFaultRule(json.value) : undefined;
      if (rule === undefined) return problem(400, 'a fault rule must be a JSON object');
      target.fault(rule);
      return { status: 200, body: { ok: true } };
    }
    case 'DELETE faults':
      target.clearFaults();
      return { status: 200, body: { ok: true } };
    case 'POST settle':
      target.settle();
      return { status: 200, body: { ok: true } };
    case 'POST compact':
      target.compact();
      return { status: 200, body: { ok: true } };
    case 'GET kubeconfig':
      return {
        status: 200,
        body: target.kubeconfig(url.searchParams.get('context') ?? undefined),
        text: true,
      };
    default:
      return problem(404, `no control action ${key}`);
  }
}
