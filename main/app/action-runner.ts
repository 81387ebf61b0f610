import type { Envelope } from '../../shared/api/bridge';
import type { ApiCall, ConfirmSpec, TrayAction } from './tray/tray-action';

type CallAction = Extract<TrayAction, { kind: 'call' }>;

/** What came of a tray or notification call, for the notification that says so. */
export type ActionOutcome =
  { call: ApiCall; ok: true; result: unknown } | { call: ApiCall; ok: false; message: string };

export interface ActionRunnerDeps {
  call(method: string, input: unknown): Promise<Envelope>;
  open(plan?: string): void;
  quit(): void;
  /** Asks before a call that carries a question (native-confirm.ts); true = go ahead. */
  confirm(spec: ConfirmSpec): Promise<boolean>;
  /**
   * The question to ask before this call, when it depends on more than the menu knew (an
   * override longer than 12 h: tray/override-question.ts); without it, the item's own question.
   */
  question?(action: CallAction): Promise<ConfirmSpec | undefined>;
  /** Told what came of every call, success or refusal: never silent (notifications/). */
  notify(outcome: ActionOutcome): void;
}

/**
 * Runs what a tray item or a notification button asks for; a refusal is told, never thrown.
 * A call with a question runs only after a yes; a failed question counts as no.
 */
export function createActionRunner(deps: ActionRunnerDeps): (action: TrayAction) => void {
  const call = async (action: CallAction): Promise<void> => {
    const question = deps.question ? await deps.question(action) : action.confirm;
    if (question && !(await deps.confirm(question))) return;
    const envelope = await deps.call(action.call.method, action.call.input);
    deps.notify(
      envelope.ok
        ? { call: action.call, ok: true, result: envelope.result }
        : { call: action.call, ok: false, message: envelope.error.message },
    );
  };
  return (action) => {
    switch (action.kind) {
      case 'open':
        deps.open(action.plan);
        return;
      case 'quit':
        deps.quit();
        return;
      case 'call':
        void call(action).catch((error: unknown) =>
          deps.notify({
            call: action.call,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }),
        );
    }
  };
}
