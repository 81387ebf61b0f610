import type { NotificationMessage } from '../notification-message';
import { bold, code, escapeMarkdownV2 } from './markdown-v2';
import { batchHeadline, cappedTargets, targetLine, whereToLook } from './message-text';

/** Telegram refuses a text over 4096 characters (after entities are parsed). */
const MAX_TEXT = 4000;

function line(label: string, value: string | null): string[] {
  return value === null ? [] : [`${bold(`${label}:`)} ${escapeMarkdownV2(value)}`];
}

/** Cuts at a line boundary so that no escape sequence or entity is split. */
function fit(lines: string[]): string {
  const out: string[] = [];
  let length = 0;
  for (const l of lines) {
    if (length + l.length + 1 > MAX_TEXT) {
      out.push(escapeMarkdownV2('… (cut: too long for Telegram)'));
      break;
    }
    out.push(l);
    length += l.length + 1;
  }
  return out.join('\n');
}

/** The sendMessage text in MarkdownV2: headline, fields, error, per-target results, where to look. */
export function telegramText(messages: readonly NotificationMessage[]): string {
  const first = messages[0];
  if (!first) throw new Error('telegramText needs at least one message');
  const lines = [
    bold(batchHeadline(messages)),
    ...line('Plan', first.plan),
    ...line('Phase', first.phase),
    ...line('Operation', first.operation),
    ...line('Cycle', first.cycleId),
  ];
  const targets =
    first.event === 'ExecutionProgress'
      ? messages.flatMap((m) => (m.target ? [m.target] : []))
      : first.targets;
  if (first.event !== 'ExecutionProgress' && first.event !== 'Failure')
    lines.push(...line('Why', first.reason));
  if (first.error)
    lines.push(
      `${bold('Error:')} ${code(first.error.code)} ${escapeMarkdownV2(first.error.message)}`,
    );
  const { shown, more } = cappedTargets(targets);
  if (shown.length > 0) {
    lines.push(bold('Targets:'));
    lines.push(...shown.map((t) => `• ${escapeMarkdownV2(targetLine(t))}`));
    if (more > 0) lines.push(escapeMarkdownV2(`… and ${more} more`));
  }
  lines.push(`_${escapeMarkdownV2(`${first.at} · ${whereToLook(first.plan)}`)}_`);
  return fit(lines);
}
