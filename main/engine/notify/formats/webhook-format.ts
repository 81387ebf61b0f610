import type { NotificationMessage } from '../notification-message';

/** Bumped on any change a receiver could notice; docs/notifications.md documents each version. */
export const WEBHOOK_SCHEMA_VERSION = 1;

export interface WebhookDelivery {
  id: string;
  message: NotificationMessage;
}

/**
 * The webhook body (docs/notifications.md, "Webhook JSON"): `version`, `source`, and `events`,
 * one entry per outbox delivery (a progress batch carries several). Each `id` is the delivery's
 * dedupe key, so a receiver can drop a repeat after a crash.
 */
export function webhookBody(deliveries: readonly WebhookDelivery[]): Record<string, unknown> {
  return {
    version: WEBHOOK_SCHEMA_VERSION,
    source: 'hibernator-desktop',
    events: deliveries.map(({ id, message }) => ({ id, ...message })),
  };
}
