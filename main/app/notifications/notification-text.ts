import type { Settings } from '../../../shared/api/contract';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { PlanError, PlanSummary } from '../../../shared/model/status';
import { formatHumanDuration } from '../../../shared/time/duration';
import { formatClock, joinNames, type TimeFormat } from '../display-format';
import { OVERRIDE_WORDS } from '../../../shared/override/words';
import { callAction, type TrayAction } from '../tray/tray-action';

/**
 * The kinds a person can switch off in Settings (`getSettings().notifications`), and `actions`:
 * what came of the user's own tray action, always shown (action-notification.ts).
 */
export type NotificationKind = keyof Settings['notifications'] | 'actions';

export interface NotificationButton {
  label: string;
  action: TrayAction;
}

/** A notification as data; notifier.ts shows it with Electron's Notification. */
export interface NotificationSpec {
  kind: NotificationKind;
  /** Same event, same key: shown once (notification-policy.ts). */
  key: string;
  /** Notifications of one group replace each other (one per plan, one for grouped changes). */
  group: string;
  title: string;
  body: string;
  /** What a click on the notification itself does. */
  click: TrayAction;
  /** Buttons, only where the OS shows them (macOS, Windows); empty otherwise. */
  buttons: NotificationButton[];
}

export interface TextContext {
  now: Date;
  timeFormat?: TimeFormat;
  /** Latest plan summaries, for "Wakes at 07:30". */
  plans: ReadonlyMap<string, PlanSummary>;
  /** The OS shows buttons on notifications. */
  buttons: boolean;
}

/** A plan that finished going to sleep or waking up, as held for grouping. */
export interface PhaseArrival {
  plan: string;
  to: 'Hibernated' | 'Active';
  at: string;
  /** How long the operation took, when its start was seen. */
  tookMs: number | null;
  /** Targets that reported completion during the operation. */
  targetsDone: number;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function nextTransitionText(plan: string, ctx: TextContext): string {
  const next = ctx.plans.get(plan)?.nextTransition;
  if (!next) return '';
  return ` ${next.operation === 'wakeup' ? 'Wakes' : 'Sleeps'} at ${formatClock(next.at, ctx.now, ctx.timeFormat)}.`;
}

function singleArrival(a: PhaseArrival, ctx: TextContext): NotificationSpec {
  const asleep = a.to === 'Hibernated';
  const verb = asleep ? 'Went to sleep' : 'Woke up';
  const how = a.tookMs === null ? '' : ` in ${formatHumanDuration(a.tookMs)}`;
  const what = a.targetsDone > 0 ? ` (${plural(a.targetsDone, 'target')})` : '';
  const body =
    a.tookMs === null && a.targetsDone === 0
      ? nextTransitionText(a.plan, ctx).trim()
      : `${verb}${how}${what}.${nextTransitionText(a.plan, ctx)}`;
  return {
    kind: 'phaseChanges',
    key: `phase:${a.plan}:${a.to}:${a.at}`,
    group: `plan:${a.plan}`,
    title: `${a.plan} is ${asleep ? 'asleep' : 'awake'}`,
    body,
    click: { kind: 'open', plan: a.plan },
    buttons: [],
  };
}

/**
 * One notification for the plans that arrived while notifications were held: the single-plan
 * text for one plan, a grouped line for several ("dev-env and staging are asleep; qa is awake").
 */
export function phaseNotification(
  arrivals: readonly PhaseArrival[],
  ctx: TextContext,
): NotificationSpec | null {
  const first = arrivals[0];
  if (!first) return null;
  if (arrivals.length === 1) return singleArrival(first, ctx);
  const asleep = arrivals.filter((a) => a.to === 'Hibernated').map((a) => a.plan);
  const awake = arrivals.filter((a) => a.to === 'Active').map((a) => a.plan);
  const part = (names: string[], word: string): string =>
    `${joinNames(names)} ${names.length === 1 ? 'is' : 'are'} ${word}`;
  const parts = [
    asleep.length ? part(asleep, 'asleep') : '',
    awake.length ? part(awake, 'awake') : '',
  ].filter(Boolean);
  const title =
    awake.length === 0
      ? `${plural(asleep.length, 'plan')} went to sleep`
      : asleep.length === 0
        ? `${plural(awake.length, 'plan')} woke up`
        : `${plural(arrivals.length, 'plan')} changed`;
  return {
    kind: 'phaseChanges',
    key: `phases:${arrivals.map((a) => `${a.plan}:${a.to}:${a.at}`).join(',')}`,
    group: 'plans',
    title,
    body: sentence(`${parts.join('; ')}`.replace(/^./, (c) => c.toUpperCase())),
    click: { kind: 'open' },
    buttons: [],
  };
}

const SSO_CODES = new Set([
  'SSO_EXPIRED',
  'SSO_SESSION_EXPIRED',
  'SSO_TOKEN_EXPIRED',
  'SSO_LOGIN_REQUIRED',
]);
const PROFILE_PATTERNS = [
  /--profile[= ]+['"`]?([\w.@+-]+)/,
  /\bprofile ['"`]([\w.@+-]+)['"`]/i,
  // "profile dev has expired", but not "this profile has expired"
  /\bprofile ([\w.@+-]+) (?:has|is|needs)\b/i,
];

/**
 * An expired AWS SSO session, recognised by the engine's code or, for executors that only pass
 * the SDK's words on, by the message; the profile is read from the message when it names one.
 */
export function expiredSsoProfile(
  error: Pick<PlanError, 'code' | 'message'>,
): { profile: string | null } | null {
  const byCode = SSO_CODES.has(error.code.toUpperCase());
  const byMessage =
    /\bsso\b/i.test(error.message) && /(expired|sso login|refresh)/i.test(error.message);
  if (!byCode && !byMessage) return null;
  for (const pattern of PROFILE_PATTERNS) {
    const match = pattern.exec(error.message);
    if (match?.[1]) return { profile: match[1] };
  }
  return { profile: null };
}

export function credentialsNotification(plan: string, profile: string | null): NotificationSpec {
  const body = profile
    ? `AWS profile '${profile}' needs a new SSO login: run \`aws sso login --profile ${profile}\`.`
    : `The AWS SSO session of ${plan}'s connection has expired: run \`aws sso login\` with its profile.`;
  return {
    kind: 'credentials',
    key: `sso:${profile ?? plan}`,
    group: `sso:${profile ?? plan}`,
    title: 'AWS sign-in needed',
    body,
    click: { kind: 'open', plan },
    buttons: [],
  };
}

type FailureEvent = Extract<HibernatorEvent, { type: 'Failure' }>;

export function failureNotification(event: FailureEvent, ctx: TextContext): NotificationSpec {
  const { plan, error, retriesLeft } = event;
  const what =
    error.operation === 'wakeup'
      ? 'could not wake up'
      : error.operation === 'shutdown'
        ? 'could not go to sleep'
        : 'needs attention';
  const next =
    retriesLeft > 0
      ? `Retrying automatically (${retriesLeft} left).`
      : error.transient
        ? 'Retries are used up: choose Retry once it is fixed, or open Hibernator.'
        : 'Fix the cause, then choose Retry.';
  return {
    kind: 'failures',
    key: `failure:${plan}:${error.at}`,
    group: `plan:${plan}`,
    title: `${plan} ${what}`,
    body: `${sentence(error.message)} ${next}`,
    click: { kind: 'open', plan },
    buttons: ctx.buttons
      ? [{ label: 'Retry', action: callAction({ method: 'retry', input: { plan } }) }]
      : [],
  };
}

type HeadsUpEvent = Extract<HibernatorEvent, { type: 'HeadsUp' }>;

/**
 * "staging goes to sleep in 10 minutes." [Snooze 1 h] [Skip next sleep]. When the engine says
 * the sleep comes because the manual override ends (`overrideEnds`), the title and body say so
 * and [Keep it] comes first (keepOverride: extends it by its original length); otherwise there
 * is no Keep it, since keeping an override that does not end then would not stop this sleep.
 */
export function headsUpNotification(event: HeadsUpEvent, ctx: TextContext): NotificationSpec {
  const { plan } = event;
  const when = formatClock(event.at, ctx.now, ctx.timeFormat);
  const overrideEnds = event.overrideEnds === true;
  const buttons = [
    ...(overrideEnds
      ? [
          {
            label: OVERRIDE_WORDS.keepIt,
            action: callAction({ method: 'keepOverride', input: { plan } }),
          },
        ]
      : []),
    {
      label: 'Snooze 1 h',
      action: callAction({ method: 'keepAwake', input: { plan, hours: 1 } }),
    },
    {
      label: OVERRIDE_WORDS.skipNext,
      action: callAction({ method: 'skipNextHibernation', input: { plan } }),
    },
  ];
  const inMinutes = `in ${plural(event.minutes, 'minute')}`;
  const title = overrideEnds
    ? `${plan}'s manual override ends ${inMinutes}: it goes to sleep`
    : `${plan} goes to sleep ${inMinutes}`;
  const at = overrideEnds
    ? `At ${when} its manual override ends and the schedule puts it to sleep.`
    : `At ${when}.`;
  return {
    kind: 'headsUp',
    key: `headsup:${plan}:${event.at}`,
    group: `plan:${plan}`,
    title,
    body: ctx.buttons
      ? at
      : `${at} Click to ${overrideEnds ? 'keep it, ' : ''}snooze it or skip the next sleep in Hibernator.`,
    click: { kind: 'open', plan },
    buttons: ctx.buttons ? buttons : [],
  };
}

type CaughtUpEvent = Extract<HibernatorEvent, { type: 'CaughtUp' }>;

/** "dev-env missed 19:00 while this computer was asleep; it went to sleep at 21:14." */
export function caughtUpNotification(event: CaughtUpEvent, ctx: TextContext): NotificationSpec {
  const { plan } = event;
  const missed = formatClock(event.missedAt, ctx.now, ctx.timeFormat);
  const at = formatClock(event.at, ctx.now, ctx.timeFormat);
  const did = event.operation === 'wakeup' ? `it woke up at ${at}` : `it went to sleep at ${at}`;
  return {
    kind: 'caughtUp',
    key: `caughtup:${plan}:${event.missedAt}`,
    group: `plan:${plan}`,
    title: `${plan} caught up`,
    body: `${plan} missed ${missed} while this computer was asleep; ${did}.`,
    click: { kind: 'open', plan },
    buttons: [],
  };
}

type KeepAsleepEvent = Extract<HibernatorEvent, { type: 'KeepAsleep' }>;

/** True when the keep-asleep check left something awake or failed: a failure to be told as one. */
export function keepAsleepTroubled(event: KeepAsleepEvent): boolean {
  return event.report.targets.some((t) => t.refused.length > 0 || t.error !== null);
}

/**
 * "AWS restarted 3 databases of dev-env after 7 days; stopped them again." The engine words the
 * report (keep-asleep-report.ts); a check that left something awake is a failure to be told.
 */
export function keepAsleepNotification(event: KeepAsleepEvent): NotificationSpec {
  const { plan, report } = event;
  const troubled = keepAsleepTroubled(event);
  return {
    kind: troubled ? 'failures' : 'phaseChanges',
    key: `keepasleep:${plan}:${report.at}`,
    group: `plan:${plan}`,
    title: troubled ? `${plan}: not everything stays asleep` : `${plan} kept asleep`,
    body: sentence(report.message),
    click: { kind: 'open', plan },
    buttons: [],
  };
}
