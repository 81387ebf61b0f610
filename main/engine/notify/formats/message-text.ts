import type { MessageTarget, NotificationMessage } from '../notification-message';

/** Target lines shown in one message; the rest are counted ("… and 12 more"). */
export const MAX_TARGET_LINES = 20;

const ICONS: Record<NotificationMessage['event'], string> = {
  Start: '▶️',
  Success: '✅',
  Failure: '🔴',
  Recovery: '♻️',
  PhaseChange: 'ℹ️',
  ExecutionProgress: '⚙️',
};

function operationWord(message: NotificationMessage): string {
  if (message.operation === 'shutdown') return 'Hibernation';
  if (message.operation === 'wakeup') return 'Wake-up';
  return 'Operation';
}

/** "✅ Hibernation completed: dev-env" — the same headline for every sink. */
export function headline(message: NotificationMessage): string {
  const op = operationWord(message);
  const what: Record<NotificationMessage['event'], string> = {
    Start: `${op} starting`,
    Success: `${op} completed`,
    Failure: `${op} failed`,
    Recovery: `${op} retrying${message.retriesLeft !== null ? ` (${message.retriesLeft} automatic retries left)` : ''}`,
    PhaseChange: `Phase ${message.previousPhase ?? '?'} → ${message.phase ?? '?'}`,
    ExecutionProgress: `${op} progress`,
  };
  return `${ICONS[message.event]} ${what[message.event]}: ${message.plan}`;
}

/** A batch of progress messages of one plan: "⚙️ Hibernation progress: dev-env (12 updates)". */
export function batchHeadline(messages: readonly NotificationMessage[]): string {
  const first = messages[0];
  if (!first) return '';
  if (messages.length === 1) return headline(first);
  const plans = [...new Set(messages.map((m) => m.plan))];
  return `${ICONS.ExecutionProgress} ${operationWord(first)} progress: ${plans.join(', ')} (${messages.length} updates)`;
}

export function targetLine(t: MessageTarget): string {
  const executor = t.executor ? ` (${t.executor})` : '';
  const message = t.message ? ` — ${t.message}` : '';
  return `${t.name}${executor}: ${t.state}${message}`;
}

/** The lines of a message's targets, capped, with the overflow counted. */
export function cappedTargets(targets: readonly MessageTarget[]): {
  shown: MessageTarget[];
  more: number;
} {
  return {
    shown: targets.slice(0, MAX_TARGET_LINES),
    more: Math.max(0, targets.length - MAX_TARGET_LINES),
  };
}

/** No link can open the desktop app from a chat: say what to open instead. */
export function whereToLook(plan: string): string {
  return `Open Hibernator (tray → plan ${plan}) for details, or run: hibernator status ${plan}`;
}
