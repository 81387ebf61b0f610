import { redactSecrets } from '../../../shared/security/redact-secrets';
import type { Clock } from '../clock';
import { slackPayload } from './formats/slack-format';
import { telegramText } from './formats/telegram-format';
import { webhookBody, type WebhookDelivery } from './formats/webhook-format';
import { scrubSecrets, secretValues, type SinkConfig } from './sink-config';

/**
 * Where each sink type posts. Slack and webhook URLs come from the sink's config; a base URL
 * here replaces their origin (scheme, host, port), so tests and the demo can point every sink
 * at a local receiver without changing the stored config.
 */
export interface SinkEndpoints {
  slackBaseUrl?: string;
  telegramBaseUrl?: string;
  webhookBaseUrl?: string;
}

export const TELEGRAM_API = 'https://api.telegram.org';

export interface SinkRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type SendOutcome =
  { ok: true } | { ok: false; retryable: boolean; retryAfterMs: number | null; error: string };

function rebase(url: string, base: string | undefined): string {
  if (!base) return url;
  const from = new URL(url);
  const to = new URL(base);
  const prefix = to.pathname.replace(/\/$/, '');
  return `${to.origin}${prefix}${from.pathname}${from.search}`;
}

/** The HTTP request for one message (a batch of deliveries) to one sink. */
export function buildRequest(
  sink: SinkConfig,
  deliveries: readonly WebhookDelivery[],
  endpoints: SinkEndpoints,
): SinkRequest {
  const messages = deliveries.map((d) => d.message);
  const json = { 'content-type': 'application/json' };
  if (sink.type === 'slack')
    return {
      url: rebase(sink.config.webhook_url, endpoints.slackBaseUrl),
      headers: json,
      body: JSON.stringify(slackPayload(messages)),
    };
  if (sink.type === 'telegram') {
    const base = (endpoints.telegramBaseUrl ?? TELEGRAM_API).replace(/\/$/, '');
    return {
      url: `${base}/bot${sink.config.token}/sendMessage`,
      headers: json,
      body: JSON.stringify({
        chat_id: sink.config.chat_id,
        text: telegramText(messages),
        parse_mode: 'MarkdownV2',
        link_preview_options: { is_disabled: true },
      }),
    };
  }
  return {
    url: rebase(sink.config.url, endpoints.webhookBaseUrl),
    headers: {
      ...(sink.config.headers ?? {}),
      ...json,
      'x-hibernator-delivery': deliveries[0]?.id ?? '',
    },
    body: JSON.stringify(webhookBody(deliveries)),
  };
}

/** `Retry-After` as seconds or an HTTP date; Telegram also puts it in `parameters.retry_after`. */
export function retryAfterMs(header: string | null, body: string, now: Date): number | null {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - now.getTime());
  }
  try {
    const parsed: unknown = JSON.parse(body);
    const after =
      typeof parsed === 'object' && parsed !== null && 'parameters' in parsed
        ? (parsed.parameters as { retry_after?: unknown } | null)?.retry_after
        : undefined;
    if (typeof after === 'number' && after >= 0) return after * 1000;
  } catch {
    // not JSON: no hint
  }
  return null;
}

export interface SendOptions {
  clock: Clock;
  timeoutMs: number;
  /** Aborts an in-flight request when the engine closes. */
  signal?: AbortSignal;
}

/**
 * POSTs once. Network errors, timeouts, 429 and 5xx are retryable; other statuses are not. The
 * error text names the sink type and status, never the URL, token or headers (and is scrubbed
 * of the config's own values should the receiver echo them).
 */
export async function send(
  sink: SinkConfig,
  request: SinkRequest,
  options: SendOptions,
): Promise<SendOutcome> {
  const secrets = secretValues(sink);
  const clean = (text: string) => redactSecrets(scrubSecrets(text, secrets));
  const abort = new AbortController();
  const timer = options.clock.setTimer(() => abort.abort(), options.timeoutMs);
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: abort.signal,
      redirect: 'error',
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true };
    const retryable = response.status === 429 || response.status >= 500;
    const detail = text.trim().slice(0, 200);
    return {
      ok: false,
      retryable,
      retryAfterMs: retryable
        ? retryAfterMs(response.headers.get('retry-after'), text, options.clock.now())
        : null,
      error: clean(`${sink.type} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`),
    };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error && 'code' in error.cause
        ? String(error.cause.code)
        : null;
    const what = abort.signal.aborted
      ? options.signal?.aborted
        ? 'the engine stopped during the request'
        : `no answer within ${Math.round(options.timeoutMs / 1000)} s`
      : `network error${cause ? ` (${cause})` : ''}`;
    return {
      ok: false,
      retryable: true,
      retryAfterMs: null,
      error: clean(`${sink.type}: ${what}`),
    };
  } finally {
    timer.cancel();
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
