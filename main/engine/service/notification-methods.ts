import type {
  ApplyResult,
  NotificationDetail,
  NotificationView,
  SinkView,
} from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import {
  matchesSelector,
  validateNotification,
  type HibernateNotification,
  type NotificationSink,
} from '../../../shared/model';
import { parseSinkConfig } from '../notify/sink-config';
import type { ServiceContext } from './service-context';

function sinkView(ctx: ServiceContext, notification: string, sink: NotificationSink): SinkView {
  const state = ctx.outbox.state(notification, sink.name);
  return {
    name: sink.name,
    type: sink.type,
    configured: ctx.sinkSecrets.configured(sink),
    lastDeliveryAt: state.lastDeliveryAt,
    lastFailure:
      state.lastFailureAt !== null
        ? { at: state.lastFailureAt, error: state.lastError ?? 'delivery failed' }
        : null,
    failing: state.failingSince !== null,
  };
}

function toView(ctx: ServiceContext, n: HibernateNotification): NotificationView {
  const watchedPlans = ctx.plans
    .list(ctx.clock.now())
    .filter((p) => matchesSelector(n.spec.selector, p.plan.metadata.labels))
    .map((p) => p.plan.metadata.name);
  return {
    name: n.metadata.name,
    labels: n.metadata.labels ?? {},
    selector: n.spec.selector,
    onEvents: n.spec.onEvents,
    sinks: n.spec.sinks.map((s) => sinkView(ctx, n.metadata.name, s)),
    watchedPlans,
  };
}

function requireNotification(ctx: ServiceContext, name: string): HibernateNotification {
  const n = ctx.notifications.get(name);
  if (!n) throw new ApiError('NOT_FOUND', `There is no notification named "${name}".`);
  return n;
}

function requireSink(n: HibernateNotification, sink: string): NotificationSink {
  const found = n.spec.sinks.find((s) => s.name === sink);
  if (!found) {
    const names = n.spec.sinks.map((s) => `"${s.name}"`).join(', ');
    throw new ApiError(
      'NOT_FOUND',
      `Notification ${n.metadata.name} has no sink named "${sink}": it has ${names}.`,
    );
  }
  return found;
}

export function listNotifications(ctx: ServiceContext): NotificationView[] {
  return ctx.notifications.list().map((n) => toView(ctx, n));
}

export function getNotification(ctx: ServiceContext, name: string): NotificationDetail {
  const n = requireNotification(ctx, name);
  return { ...toView(ctx, n), notification: n };
}

export function applyNotification(ctx: ServiceContext, input: unknown): ApplyResult {
  const result = validateNotification(input);
  if (!result.valid || !result.value) {
    throw new ApiError(
      'INVALID_INPUT',
      `The notification is not valid: ${result.errors.length} problem(s).`,
      result.errors,
    );
  }
  const created = ctx.notifications.upsert(result.value, ctx.clock.now());
  return { name: result.value.metadata.name, created, warnings: result.warnings };
}

export function deleteNotification(
  ctx: ServiceContext,
  name: string,
): { name: string; deleted: boolean } {
  requireNotification(ctx, name);
  ctx.notifications.delete(name);
  return { name, deleted: true };
}

/** Checked against the sink's type, then written to the secrets file; the answer never echoes it. */
export function setSinkConfig(
  ctx: ServiceContext,
  notification: string,
  sinkName: string,
  config: unknown,
): { notification: string; sink: SinkView } {
  const sink = requireSink(requireNotification(ctx, notification), sinkName);
  const parsed = parseSinkConfig(sink.type, config);
  if (!parsed.ok)
    throw new ApiError(
      'INVALID_INPUT',
      `The ${sink.type} config of sink ${sink.name} is not valid: ${parsed.issues.length} problem(s).`,
      parsed.issues.map((i) => ({ ...i, path: `config.${i.path}` })),
    );
  ctx.sinkSecrets.set(sink.secretRef, parsed.value.config);
  ctx.logger.info('sink config set', { notification, sink: sink.name, type: sink.type });
  return { notification, sink: sinkView(ctx, notification, sink) };
}

export function clearSinkConfig(
  ctx: ServiceContext,
  notification: string,
  sinkName: string,
): { notification: string; sink: SinkView } {
  const sink = requireSink(requireNotification(ctx, notification), sinkName);
  ctx.sinkSecrets.clear(sink.secretRef);
  ctx.logger.info('sink config cleared', { notification, sink: sink.name });
  return { notification, sink: sinkView(ctx, notification, sink) };
}
