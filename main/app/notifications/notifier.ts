import { Notification } from 'electron';
import type { HibernatorEvent } from '../../../shared/api/events';
import type { TimeFormat } from '../display-format';
import type { AppStateSnapshot } from '../app-state';
import type { NotificationPolicy, PolicyContext } from './notification-policy';
import type { NotificationSpec } from './notification-text';
import type { TrayAction } from '../tray/tray-action';
import type { ActionOutcome } from '../action-runner';
import { actionNotification } from './action-notification';

/** Notification buttons show on macOS (signed app, alert style) and Windows toasts; not on Linux. */
export function notificationButtonsSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export interface NotifierOptions {
  policy: NotificationPolicy;
  state: () => AppStateSnapshot | null;
  platform: NodeJS.Platform;
  run(action: TrayAction): void;
  icon?: string;
  now?: () => Date;
  timeFormat?: TimeFormat;
}

/**
 * Shows what the policy lets through as native notifications: one visible notification per
 * group (a newer one for the same plan replaces the older), kept referenced so their click and
 * button handlers survive garbage collection.
 */
export class Notifier {
  private readonly shown = new Map<string, Notification>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => Date;
  private actions = 0;

  constructor(private readonly options: NotifierOptions) {
    this.now = options.now ?? (() => new Date());
  }

  handle(event: HibernatorEvent): void {
    const ctx = this.context();
    if (!ctx) return;
    for (const spec of this.options.policy.receive(event, ctx)) this.show(spec);
    this.arm();
  }

  /**
   * Says what came of a tray or notification action. False when nothing could be shown (no
   * notifications on this system, or no state yet): the caller then tells a refusal another way.
   */
  handleAction(outcome: ActionOutcome): boolean {
    const ctx = this.context();
    if (!ctx || !Notification.isSupported()) return false;
    const spec = actionNotification(outcome, ctx, ++this.actions);
    if (!spec) return true;
    for (const shown of this.options.policy.action(spec)) this.show(shown);
    return true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const n of this.shown.values()) n.close();
    this.shown.clear();
  }

  private context(): PolicyContext | null {
    const state = this.options.state();
    // Before the first refresh there are no settings yet: notifications wait for them rather than guess.
    if (!state) return null;
    return {
      now: this.now(),
      ...(this.options.timeFormat ? { timeFormat: this.options.timeFormat } : {}),
      plans: new Map(state.plans.map((p) => [p.name, p])),
      buttons: notificationButtonsSupported(this.options.platform),
      settings: state.settings.notifications,
    };
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = this.options.policy.nextFlushAt();
    if (due === null) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const ctx = this.context();
        if (ctx) for (const spec of this.options.policy.flush(ctx)) this.show(spec);
        this.arm();
      },
      Math.max(0, due - this.now().getTime()),
    );
  }

  private show(spec: NotificationSpec): void {
    if (!Notification.isSupported()) return;
    this.shown.get(spec.group)?.close();
    const notification = new Notification({
      title: spec.title,
      body: spec.body,
      groupId: spec.group,
      ...(this.options.icon ? { icon: this.options.icon } : {}),
      actions: spec.buttons.map((b) => ({ type: 'button' as const, text: b.label })),
      urgency: spec.kind === 'failures' || spec.kind === 'credentials' ? 'critical' : 'normal',
    });
    notification.on('click', () => this.options.run(spec.click));
    notification.on('action', (details) => {
      const button = spec.buttons[details.actionIndex];
      if (button) this.options.run(button.action);
    });
    notification.on('close', () => {
      if (this.shown.get(spec.group) === notification) this.shown.delete(spec.group);
    });
    this.shown.set(spec.group, notification);
    notification.show();
  }
}
