import { useMemo, useState } from 'react';
import type { DiscoverResult } from '../../../../shared/api';
import { type Connection, ScheduleSchema, validatePlan } from '../../../../shared/model';
import type { SchedulePlan } from '../../../../shared/schedule';
import { useApp, useNow, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { DryRunResult } from '../../components/dry-run-result';
import { Feedback } from '../../components/feedback';
import { IssueList } from '../../components/issue-list';
import { WeekPicture } from '../../components/week-picture';
import { type Draft, draftToYaml, getAt, issuesByPath } from '../../forms/draft';
import { useUnsavedGuard } from '../../forms/use-unsaved-guard';
import { PlanForm } from './plan-form';
import { YamlPane } from './yaml-pane';
import './editor.css';

/** Stable empty list: a fresh [] per render would re-run the validation memo every time. */
const NO_CONNECTIONS: readonly Connection[] = [];

/**
 * Form and YAML side by side, kept in sync: the form rewrites the YAML, a YAML edit that
 * parses updates the form. Validation is `validatePlan`, the engine's own, run on every change.
 */
export function PlanEditor({ initial, isNew }: { initial: Draft; isNew: boolean }) {
  const { transport, stores, navigation } = useApp();
  const connections = useResource(stores.connections).data ?? NO_CONNECTIONS;
  const plans = useResource(stores.plans).data ?? [];
  const allExceptions = useResource(stores.exceptions).data;
  const now = useNow(60_000);
  const initialYaml = useMemo(() => draftToYaml(initial), [initial]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [yamlText, setYamlText] = useState(initialYaml);
  const [yamlError, setYamlError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DiscoverResult | null>(null);
  const save = useAction();
  const dry = useAction();

  const validation = useMemo(() => validatePlan(draft, { connections }), [draft, connections]);
  const errors = useMemo(() => issuesByPath(validation.errors), [validation]);
  const name =
    typeof getAt(draft, ['metadata', 'name']) === 'string'
      ? String(getAt(draft, ['metadata', 'name']))
      : '';
  const nameTaken = isNew && plans.some((p) => p.name === name);
  const dirty = yamlText !== initialYaml;
  const canSave = validation.valid && !yamlError && !nameTaken && save.state.status !== 'running';
  useUnsavedGuard(dirty, isNew ? 'the new plan' : `the plan ${name}`);

  const fromForm = (next: Draft): void => {
    setDraft(next);
    setYamlText(draftToYaml(next));
    setYamlError(null);
  };

  const onSave = async (): Promise<void> => {
    const result = await save.run(
      'Saving',
      () => transport.call('applyPlan', { plan: draft }),
      (r) => `${r.name} ${r.created ? 'created' : 'saved'}`,
    );
    if (!result) return;
    navigation.store.getState().setUnsaved(null);
    navigation.store.getState().navigate({ view: 'plan', name: result.name, tab: 'overview' });
  };

  const onDryRun = (target: string | null): void => {
    setDryRun(null);
    void dry
      .run(
        'Running a dry run',
        () => transport.call('discover', target ? { plan: draft, target } : { plan: draft }),
        (d) => `Dry run: ${d.summary}`,
      )
      .then((d) => d && setDryRun(d));
  };

  // The picture follows the windows as they are typed: it needs only a valid schedule, not a valid plan.
  const schedulePlan = useMemo((): SchedulePlan | null => {
    const parsed = ScheduleSchema.safeParse(getAt(draft, ['spec', 'schedule']));
    return parsed.success
      ? { metadata: { name: name || 'draft' }, spec: { schedule: parsed.data } }
      : null;
  }, [draft, name]);
  const exceptions = useMemo(
    () => (allExceptions ?? []).filter((e) => e.spec.planRef.name === name),
    [allExceptions, name],
  );
  const problems = validation.errors.length + (nameTaken ? 1 : 0) + (yamlError ? 1 : 0);

  return (
    <div className="page editor-page">
      <header className="page-header">
        <h1>{isNew ? 'New plan' : `Edit ${name}`}</h1>
        <div className="toolbar">
          <span className={problems > 0 ? 'issue-error' : 'muted'} role="status">
            {problems > 0
              ? `${problems} problem(s) to fix`
              : dirty
                ? 'Valid — not saved yet'
                : 'Valid — no changes'}
          </span>
          <button
            type="button"
            onClick={() => onDryRun(null)}
            disabled={!validation.valid || dry.state.status === 'running'}
          >
            Dry run plan
          </button>
          <button
            type="button"
            onClick={() =>
              navigation.store
                .getState()
                .navigate(isNew ? { view: 'plans' } : { view: 'plan', name, tab: 'overview' })
            }
          >
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void onSave()}
            disabled={!canSave}
          >
            Save
          </button>
        </div>
      </header>
      <Feedback state={save.state} />
      <div className="editor-columns">
        <form
          className="editor-form"
          aria-label="Plan form"
          onSubmit={(e) => e.preventDefault()}
          noValidate
        >
          {yamlError && (
            <p className="issue-error">
              The YAML has a syntax error: fix it on the right to use the form again.
            </p>
          )}
          <fieldset className="editor-fieldset" disabled={yamlError !== null}>
            <PlanForm
              draft={draft}
              isNew={isNew}
              errors={errors}
              nameTaken={nameTaken}
              connections={connections}
              canDryRun={validation.valid}
              onDryRun={onDryRun}
              onChange={fromForm}
            />
          </fieldset>
        </form>
        <YamlPane
          text={yamlText}
          error={yamlError}
          onText={(text, parsed) => {
            setYamlText(text);
            if (parsed.ok) {
              setDraft(parsed.draft);
              setYamlError(null);
            } else setYamlError(parsed.message);
          }}
        />
      </div>
      {(dry.state.status !== 'idle' || dryRun) && (
        <section className="tab-section" aria-label="Dry run">
          <h2>Dry run</h2>
          <Feedback state={dry.state} />
          {dryRun && <DryRunResult result={dryRun} />}
        </section>
      )}
      <section className="tab-section" aria-labelledby="editor-week">
        <h2 id="editor-week">Week picture</h2>
        {schedulePlan ? (
          <WeekPicture plan={schedulePlan} exceptions={exceptions} now={now} />
        ) : (
          <p className="muted">Shown once the schedule is valid.</p>
        )}
      </section>
      <section className="tab-section" aria-label="Validation summary">
        <h2>Validation</h2>
        {problems === 0 && <p className="muted">No problems.</p>}
        {yamlError && <IssueList issues={[{ path: 'YAML', message: yamlError }]} />}
        <IssueList issues={validation.errors} label="Validation errors" />
        <IssueList issues={validation.warnings} kind="warning" label="Validation warnings" />
      </section>
    </div>
  );
}
