import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ControllableClock } from '../shared/clock';
import type { CallSnapshot } from '../shared/call-counter';
import { FaultRuleInputSchema, type FaultRule, type FaultRuleInput } from '../shared/faults';
import { sendJson } from '../shared/http-helpers';
import type { AwsSeed } from './seed-schema';
import type { AwsStateDump } from './state-dump';

/**
 * The emulator's own HTTP API under `/_emulator/`, for tests and tools in another process
 * (Playwright, the demo): seed, inspect, count calls, inject faults, move the clock.
 */
export interface ControlTarget {
  seed(seed: AwsSeed): void;
  reset(): void;
  state(): AwsStateDump;
  calls(): CallSnapshot;
  resetCalls(): void;
  fault(rule: FaultRuleInput): FaultRule;
  faults(): FaultRule[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  deny(principal: string, actions: string[]): void;
  clearDenies(): void;
  clock: ControllableClock;
}

const AdvanceBody = z.object({ ms: z.number().int().min(0) });
const ClockBody = z.object({
  set: z.union([z.number(), z.string().datetime({ offset: true })]).optional(),
  scale: z.number().min(0).optional(),
});
const DenyBody = z.object({
  principal: z.string().min(1),
  actions: z.array(z.string().min(1)).min(1),
});

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function handleControl(
  target: ControlTarget,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): void {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    sendJson(res, 200, dispatch(target, route, body));
  } catch (error) {
    if (error instanceof ControlError)
      return sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, 400, { error: { code: 'InvalidRequest', message } });
  }
}

function dispatch(target: ControlTarget, route: string, body: string): unknown {
  const faultMatch = /^DELETE \/_emulator\/faults\/([\w-]+)$/.exec(route);
  if (faultMatch !== null) {
    const id = faultMatch[1] ?? '';
    if (!target.removeFault(id)) throw new ControlError(404, 'NotFound', `No fault rule ${id}`);
    return { ok: true };
  }
  switch (route) {
    case 'GET /_emulator/health':
      return { ok: true };
    case 'GET /_emulator/state':
      return target.state();
    case 'POST /_emulator/seed':
      target.seed(parseBody(body) as AwsSeed);
      return { ok: true };
    case 'POST /_emulator/reset':
      target.reset();
      return { ok: true };
    case 'GET /_emulator/calls':
      return target.calls();
    case 'DELETE /_emulator/calls':
      target.resetCalls();
      return { ok: true };
    case 'GET /_emulator/faults':
      return target.faults();
    case 'POST /_emulator/faults':
      return target.fault(FaultRuleInputSchema.parse(parseBody(body)));
    case 'DELETE /_emulator/faults':
      target.clearFaults();
      return { ok: true };
    case 'GET /_emulator/clock':
      return clockJson(target.clock);
    case 'POST /_emulator/clock/advance':
      target.clock.advance(AdvanceBody.parse(parseBody(body)).ms);
      return clockJson(target.clock);
    case 'POST /_emulator/clock': {
      const parsed = ClockBody.parse(parseBody(body));
      if (parsed.set !== undefined) target.clock.set(new Date(parsed.set).getTime());
      if (parsed.scale !== undefined) target.clock.setScale(parsed.scale);
      return clockJson(target.clock);
    }
    case 'POST /_emulator/permissions/deny': {
      const parsed = DenyBody.parse(parseBody(body));
      target.deny(parsed.principal, parsed.actions);
      return { ok: true };
    }
    case 'DELETE /_emulator/permissions':
      target.clearDenies();
      return { ok: true };
    default:
      throw new ControlError(
        404,
        'NotFound',
        `No control route ${route}; see test/cloud/aws/control-api.ts`,
      );
  }
}

/** JSON or YAML (YAML is a superset of JSON, so one parser reads both). */
function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  return parseYaml(body) as unknown;
}

function clockJson(clock: ControllableClock): { now: string; nowMs: number; scale: number } {
  const now = clock.now();
  return { now: new Date(now).toISOString(), nowMs: now, scale: clock.scale() };
}
