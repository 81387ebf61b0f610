import { useState } from 'react';
import type { ActionResult, OverrideChoiceView, PlanDetail } from '../../../../shared/api';
import { OVERRIDE_WORDS, overrideCostSentence } from '../../../../shared/override/words';
import { useApp, useNow } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Feedback } from '../../components/feedback';
import {
  ACTION_LABEL,
  CONFIRM_TEXT,
  type ChoiceAction,
  type PlanAction,
  allowedActions,
  defaultRequest,
  isChoiceAction,
  runAction,
  runOverrideRequest,
} from '../../format/actions';
import { type ShownOverride, choiceLabel, describeResult } from '../../format/override';
import { OverrideChoices } from './override-choices';

/** How long after an override was set elsewhere the page still offers its Undo. */
const RECENT_CHANGE_MS = 15 * 60_000;

const ORIGIN_WORDS: Record<string, string> = {
  tray: ' from the tray',
  cli: ' from the CLI',
  api: ' through the API',
};

interface Confirming {
  title: string;
  body: string;
  confirmLabel: string;
  run(): void;
}

/**
 * The actions the engine accepts in the plan's current phase, and the outcome of the last one.
 * Override actions first offer their choices with what each costs or saves; a choice longer
 * than 12 h is confirmed; the banner of an override action has Undo.
 */
export function PlanActions({
  detail,
  override,
}: {
  detail: PlanDetail;
  override: ShownOverride | null;
}) {
  const { transport } = useApp();
  const now = useNow();
  const name = detail.plan.metadata.name;
  const action = useAction();
  const [choosing, setChoosing] = useState<ChoiceAction | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [undoable, setUndoable] = useState(false);
  const actions = allowedActions(detail.status.phase, detail.plan.spec.suspend, override !== null);

  const perform = (label: string, fn: () => Promise<ActionResult>, canUndo: boolean): void => {
    setConfirming(null);
    setChoosing(null);
    setUndoable(false);
    void action
      .run(label, fn, (r) => describeResult(r, now))
      .then((r) => setUndoable(canUndo && r !== undefined));
  };

  const pick = (a: ChoiceAction, choice: OverrideChoiceView): void => {
    const label = `${ACTION_LABEL[a]} ${choiceLabel(choice, now)}`;
    const run = (): void =>
      perform(label, () => runOverrideRequest(transport, name, choice.request), true);
    if (!choice.needsConfirmation) return run();
    setConfirming({
      title: `${ACTION_LABEL[a]} ${name} ${choiceLabel(choice, now)}?`,
      body: overrideCostSentence(choice),
      confirmLabel: ACTION_LABEL[a],
      run,
    });
  };

  const request = (a: PlanAction): void => {
    if (isChoiceAction(a)) {
      setChoosing((c) => (c === a ? null : a));
      return;
    }
    const run = (): void =>
      perform(ACTION_LABEL[a], () => runAction(transport, name, a), a === 'backToSchedule');
    const text = CONFIRM_TEXT[a];
    if (!text) return run();
    setConfirming({
      title: `${ACTION_LABEL[a]} ${name}?`,
      body: text,
      confirmLabel: ACTION_LABEL[a],
      run,
    });
  };

  const busy = action.state.status === 'running';
  // An override set moments ago elsewhere (the tray, the CLI) can be undone here too: the tray's
  // notification has no Undo button on every platform, and a click on it opens this page.
  const setAt = detail.override?.setAt ? Date.parse(detail.override.setAt) : Number.NaN;
  const undoHere =
    !undoable &&
    action.state.status === 'idle' &&
    detail.status.overrideUndo != null &&
    now.getTime() - setAt < RECENT_CHANGE_MS;
  return (
    <section className="plan-actions" aria-label="Actions">
      <div className="toolbar">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            aria-expanded={isChoiceAction(a) ? choosing === a : undefined}
            className={
              a === 'hibernateNow' || a === 'wakeNow' || a === 'retry' || a === 'resume'
                ? 'primary'
                : ''
            }
            onClick={() => request(a)}
            disabled={busy}
          >
            {ACTION_LABEL[a]}
          </button>
        ))}
      </div>
      {undoHere && (
        <p className="recent-override">
          Just changed{ORIGIN_WORDS[detail.override?.by ?? ''] ?? ''}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              perform(
                OVERRIDE_WORDS.undo,
                () => transport.call('undoOverride', { plan: name }),
                false,
              )
            }
          >
            {OVERRIDE_WORDS.undo}
          </button>
        </p>
      )}
      {choosing && (
        <OverrideChoices
          plan={name}
          action={choosing}
          now={now}
          onPick={(choice) => pick(choosing, choice)}
          onDefault={() =>
            perform(
              ACTION_LABEL[choosing],
              () => runOverrideRequest(transport, name, defaultRequest(choosing)),
              true,
            )
          }
          onCancel={() => setChoosing(null)}
        />
      )}
      <Feedback
        state={action.state}
        onDismiss={() => {
          setUndoable(false);
          action.reset();
        }}
      >
        {undoable && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              perform(
                OVERRIDE_WORDS.undo,
                () => transport.call('undoOverride', { plan: name }),
                false,
              )
            }
          >
            {OVERRIDE_WORDS.undo}
          </button>
        )}
      </Feedback>
      {confirming && (
        <ConfirmDialog
          title={confirming.title}
          confirmLabel={confirming.confirmLabel}
          onConfirm={confirming.run}
          onCancel={() => setConfirming(null)}
        >
          <p>{confirming.body}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
