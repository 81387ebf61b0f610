import type { Envelope } from '../../shared/api/bridge';
import type { ConfirmSpec, TrayAction } from './tray/tray-action';

export interface ActionRunnerDeps {
  call(method: string, input: unknown): Promise<Envelope>;
  open(plan?: string): void;
  quit(): void;
  /** Tells the user an action was refused (e.g. "Plan dev-env is already asleep."). */
  report(title: string, message: string): void;
  /** Asks before a call that carries a question (native-confirm.ts); true = go ahead. */
  confirm(spec: ConfirmSpec): Promise<boolean>;
}

const COULD_NOT = 'Hibernator could not do that';

/**
 * Runs what a tray item or a notification button asks for; a refusal is shown, never thrown.
 * A call with a question runs only after a yes; a failed question counts as no.
 */
export function createActionRunner(deps: ActionRunnerDeps): (action: TrayAction) => void {
  const call = async (action: Extract<TrayAction, { kind: 'call' }>): Promise<void> => {
    if (action.confirm && !(await deps.confirm(action.confirm))) return;
    const envelope = await deps.call(action.call.method, action.call.input);
    if (!envelope.ok) deps.report(COULD_NOT, envelope.error.message);
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
          deps.report(COULD_NOT, error instanceof Error ? error.message : String(error)),
        );
    }
  };
}
