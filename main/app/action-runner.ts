import type { Envelope } from '../../shared/api/bridge';
import type { TrayAction } from './tray/tray-action';

export interface ActionRunnerDeps {
  call(method: string, input: unknown): Promise<Envelope>;
  open(plan?: string): void;
  quit(): void;
  /** Tells the user an action was refused (e.g. "Plan dev-env is already asleep."). */
  report(title: string, message: string): void;
}

/** Runs what a tray item or a notification button asks for; a refusal is shown, never thrown. */
export function createActionRunner(deps: ActionRunnerDeps): (action: TrayAction) => void {
  return (action) => {
    switch (action.kind) {
      case 'open':
        deps.open(action.plan);
        return;
      case 'quit':
        deps.quit();
        return;
      case 'call':
        void deps.call(action.call.method, action.call.input).then(
          (envelope) => {
            if (!envelope.ok) deps.report('Hibernator could not do that', envelope.error.message);
          },
          (error: unknown) =>
            deps.report(
              'Hibernator could not do that',
              error instanceof Error ? error.message : String(error),
            ),
        );
    }
  };
}
