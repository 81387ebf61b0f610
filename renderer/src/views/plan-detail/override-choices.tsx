import { useEffect, useState } from 'react';
import type { ApiError, OverrideChoiceView } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { ACTION_LABEL, type ChoiceAction, OVERRIDE_METHOD } from '../../format/actions';
import { choiceLabel } from '../../format/override';
import { toApiError } from '../../transport/envelope';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; choices: OverrideChoiceView[] }
  | { status: 'failed'; error: ApiError };

/**
 * The lengths an override action offers ("1 h · 3 h · until 19:00 · until Mon 05:00"), each
 * saying what it costs or saves against the schedule before anything runs. The engine computes
 * them (overrideChoices) so the offer and the action agree; when it cannot, the action is still
 * offered with its default end.
 */
export function OverrideChoices({
  plan,
  action,
  now,
  onPick,
  onDefault,
  onCancel,
}: {
  plan: string;
  action: ChoiceAction;
  now: Date;
  onPick(choice: OverrideChoiceView): void;
  onDefault(): void;
  onCancel(): void;
}) {
  const { transport } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    transport.call('overrideChoices', { plan, action: OVERRIDE_METHOD[action] }).then(
      (choices) => live && setLoaded({ status: 'ready', choices }),
      (error: unknown) => live && setLoaded({ status: 'failed', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [transport, plan, action]);

  const label = ACTION_LABEL[action];
  return (
    <div className="override-choices" role="group" aria-label={`${label}: how long`}>
      <span className="override-choices-title">{label}:</span>
      {loaded.status === 'loading' && <span className="muted">working out the choices…</span>}
      {loaded.status === 'ready' &&
        loaded.choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="override-choice"
            title={`${choice.duration}${choice.needsConfirmation ? ' — asks first' : ''}`}
            onClick={() => onPick(choice)}
          >
            {choiceLabel(choice, now)}
            <span className={`override-cost override-cost-${choice.consequence.kind}`}>
              {' '}
              — {choice.consequence.text}
            </span>
          </button>
        ))}
      {loaded.status === 'ready' && loaded.choices.length === 0 && (
        <span className="muted">No choice applies now.</span>
      )}
      {loaded.status === 'failed' && (
        <>
          <span className="muted">The choices are unavailable ({loaded.error.message}).</span>
          <button type="button" onClick={onDefault}>
            {label} with its default end
          </button>
        </>
      )}
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
