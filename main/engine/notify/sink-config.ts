import { z } from 'zod';
import type { Issue, SinkType } from '../../../shared/model';

/**
 * A sink's config as the operator keeps it in a Secret's `config` key (JSON). Only the fields
 * the desktop uses are checked; others are kept verbatim. Messages never quote a value: every
 * value here is a credential or opens one.
 */
const httpUrl = (what: string) =>
  z.string({ error: `is required: the ${what}` }).refine(
    (text) => {
      try {
        const url = new URL(text);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { error: `is not an http(s) URL: give the ${what}` },
  );

const SlackConfigSchema = z.looseObject({
  webhook_url: httpUrl('Slack Incoming Webhook URL (https://hooks.slack.com/services/…)'),
});
const TelegramConfigSchema = z.looseObject({
  token: z
    .string({ error: 'is required: the bot token from @BotFather (123456789:AA…)' })
    .regex(/^\d+:[A-Za-z0-9_-]+$/, { error: 'is not a bot token: it looks like 123456789:AA…' }),
  chat_id: z.union([z.string().min(1), z.number().int()], {
    error: 'is required: the chat id (-100…) or channel (@name)',
  }),
});
const WebhookConfigSchema = z.looseObject({
  url: httpUrl('URL to POST to'),
  headers: z
    .record(z.string(), z.string(), { error: 'must be a map of header name to text' })
    .optional(),
});

export type SlackConfig = z.infer<typeof SlackConfigSchema>;
export type TelegramConfig = z.infer<typeof TelegramConfigSchema>;
export type WebhookConfig = z.infer<typeof WebhookConfigSchema>;
export type SinkConfig =
  | { type: 'slack'; config: SlackConfig }
  | { type: 'telegram'; config: TelegramConfig }
  | { type: 'webhook'; config: WebhookConfig };

const SCHEMAS = {
  slack: SlackConfigSchema,
  telegram: TelegramConfigSchema,
  webhook: WebhookConfigSchema,
} as const;

/** The config checked for a sink type, or issues naming the field (never its value). */
export function parseSinkConfig(
  type: SinkType,
  raw: unknown,
): { ok: true; value: SinkConfig } | { ok: false; issues: Issue[] } {
  if (type === 'slack' && typeof raw === 'object' && raw !== null && !('webhook_url' in raw)) {
    if ('bot_token' in raw)
      return {
        ok: false,
        issues: [
          {
            path: 'webhook_url',
            message:
              'is required: the desktop posts through an Incoming Webhook; thread delivery (bot_token, channel_id) is operator-only',
          },
        ],
      };
  }
  const parsed = SCHEMAS[type].safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(config)',
        message:
          i.code === 'invalid_type' && i.path.length === 0 ? 'must be a JSON object' : i.message,
      })),
    };
  return { ok: true, value: { type, config: parsed.data } as SinkConfig };
}

/** Every secret value of a config, to scrub from error texts whatever their shape. */
export function secretValues(config: SinkConfig): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string' && v.length >= 4) out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(config.config);
  return out;
}

/** `text` with every occurrence of the sink's own secret values (and their URL-encoded forms) replaced. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join('[redacted]');
  }
  return out;
}
