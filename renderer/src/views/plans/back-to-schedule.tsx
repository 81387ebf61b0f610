import { OVERRIDE_WORDS } from '../../../../shared/override/words';
import { useApp } from '../../app/app-context';
import { useAction } from '../../app/use-action';

/**
 * The list row's way out of an override. The row is small, so a refusal shows as the button's
 * own alert text rather than a banner; the list refreshes from the PlanChanged event.
 */
export function BackToScheduleButton({ plan }: { plan: string }) {
  const { transport } = useApp();
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-label={`${OVERRIDE_WORDS.backToSchedule}: ${plan}`}
        disabled={action.state.status === 'running'}
        onClick={() =>
          void action.run(
            OVERRIDE_WORDS.backToSchedule,
            () => transport.call('clearOverride', { plan }),
            (r) => r.message,
          )
        }
      >
        {OVERRIDE_WORDS.backToSchedule}
      </button>
      {action.state.status === 'failed' && (
        <span className="plan-error" role="alert">
          {' '}
          {action.state.error.message}
        </span>
      )}
    </>
  );
}
