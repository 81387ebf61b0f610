import type { NotificationMessage } from '../notification-message';
import { batchHeadline, cappedTargets, headline, targetLine, whereToLook } from './message-text';

/** Slack mrkdwn treats only these three as control characters (Slack: "Escaping text"). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Block = Record<string, unknown>;

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
/** Slack caps a section's text at 3000 characters and a header at 150. */
const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function fields(message: NotificationMessage): Block {
  const pairs: Array<[string, string | null]> = [
    ['Plan', message.plan],
    ['Phase', message.phase],
    ['Operation', message.operation],
    ['Cycle', message.cycleId],
  ];
  return {
    type: 'section',
    fields: pairs
      .filter((p): p is [string, string] => p[1] !== null)
      .map(([k, v]) => mrkdwn(`*${k}:*\n${escapeSlack(v)}`)),
  };
}

function targetsBlock(lines: string[], more: number): Block | null {
  if (lines.length === 0) return null;
  const text = lines.map((l) => `• ${escapeSlack(l)}`).join('\n');
  return {
    type: 'section',
    text: mrkdwn(cut(`*Targets:*\n${text}${more > 0 ? `\n… and ${more} more` : ''}`, 3000)),
  };
}

/**
 * Slack Block Kit for an Incoming Webhook: a header, the plan/phase/operation/cycle fields, the
 * error, per-target results and where to look. `text` is the notification fallback.
 */
export function slackPayload(messages: readonly NotificationMessage[]): Record<string, unknown> {
  const first = messages[0];
  if (!first) throw new Error('slackPayload needs at least one message');
  const title = batchHeadline(messages);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, 150), emoji: true } },
    fields(first),
  ];
  if (first.event === 'ExecutionProgress') {
    const { shown, more } = cappedTargets(messages.flatMap((m) => (m.target ? [m.target] : [])));
    const block = targetsBlock(shown.map(targetLine), more);
    if (block) blocks.push(block);
  } else {
    if (first.reason && first.event !== 'Failure')
      blocks.push({
        type: 'section',
        text: mrkdwn(cut(`*Why:* ${escapeSlack(first.reason)}`, 3000)),
      });
    if (first.error)
      blocks.push({
        type: 'section',
        text: mrkdwn(
          cut(
            `*Error:* \`${escapeSlack(first.error.code)}\` ${escapeSlack(first.error.message)}`,
            3000,
          ),
        ),
      });
    const { shown, more } = cappedTargets(first.targets);
    const block = targetsBlock(shown.map(targetLine), more);
    if (block) blocks.push(block);
  }
  blocks.push({
    type: 'context',
    elements: [mrkdwn(escapeSlack(`${first.at} · ${whereToLook(first.plan)}`))],
  });
  return { text: messages.length === 1 ? headline(first) : title, blocks };
}
