import { useEffect, useMemo, useState } from 'react';
import { SaveBar } from '../../components/save-bar';
import type { ApiError } from '../../../../shared/api';
import {
  EXCEPTION_REASON_ANNOTATION,
  EXCEPTION_TYPES,
  type Plan,
  type ScheduleException,
  validateException,
} from '../../../../shared/model';
import { useApp, useNow, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { Feedback } from '../../components/feedback';
import { IssueList } from '../../components/issue-list';
import { ErrorState, Loading } from '../../components/state-views';
import { WeekPicture } from '../../components/week-picture';
import { type Draft, draftToYaml, getAt, issuesByPath, setAt } from '../../forms/draft';
import { SelectField, TextField } from '../../forms/fields';
import { useUnsavedGuard } from '../../forms/use-unsaved-guard';
import { WindowsEditor } from '../../forms/windows-editor';
import { YamlField } from '../../forms/yaml-field';
import { toApiError } from '../../transport/envelope';
import { fromLocalInput, newExceptionDraft, toLocalInput } from './new-exception';
import './exceptions.css';

const TYPE_HINT: Readonly<Record<string, string>> = {
  extend: 'Adds these windows to the off-hours: the plan sleeps more.',
  suspend: 'Keeps the plan awake during these windows (lead time: also that long before each).',
  replace: 'Uses these windows instead of the plan’s own off-hours.',
};

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** New or existing exception: loads it (or a template), then hands it to the form. */
export function ExceptionEditor({ name, plan }: { name: string | null; plan: string | null }) {
  const { stores } = useApp();
  const { data, error } = useResource(stores.exceptions);
  const [initial] = useState<Draft | null>(() =>
    name === null ? newExceptionDraft(plan ?? '', new Date()) : null,
  );
  if (initial) return <ExceptionForm initial={initial} isNew />;
  if (data === undefined)
    return error ? <ErrorState error={error} /> : <Loading what="exception" />;
  const found = data.find((e) => e.metadata.name === name);
  if (!found)
    return (
      <p>
        There is no exception named “{name}”. <a href="#/exceptions">Back to exceptions</a>
      </p>
    );
  return <ExceptionForm initial={found} isNew={false} />;
}

function ExceptionForm({ initial, isNew }: { initial: Draft | ScheduleException; isNew: boolean }) {
  const { transport, stores, navigation } = useApp();
  const plans = useResource(stores.plans).data ?? [];
  const now = useNow(60_000);
  const startYaml = useMemo(() => draftToYaml(initial), [initial]);
  const [draft, setDraft] = useState<Draft>(() => ({ ...initial }));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planError, setPlanError] = useState<ApiError | null>(null);
  const save = useAction();
  const planName = str(getAt(draft, ['spec', 'planRef', 'name']));
  const name = str(getAt(draft, ['metadata', 'name']));
  const type = str(getAt(draft, ['spec', 'type']));

  useEffect(() => {
    if (!planName) return undefined;
    let live = true;
    transport.call('getPlan', { name: planName }).then(
      (d) => {
        if (!live) return;
        setPlan(d.plan);
        setPlanError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setPlan(null);
        setPlanError(toApiError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [transport, planName]);

  const validation = useMemo(
    () => validateException(draft, plan ? { plans: [plan] } : {}),
    [draft, plan],
  );
  const errors = useMemo(() => issuesByPath(validation.errors), [validation]);
  const dirty = draftToYaml(draft) !== startYaml;
  useUnsavedGuard(dirty, isNew ? 'the new exception' : `the exception ${name}`);
  const set = (path: (string | number)[], value: unknown): void =>
    setDraft((d) => setAt(d, path, value));

  const onSave = async (): Promise<void> => {
    const r = await save.run(
      'Saving',
      () => transport.call('applyException', { exception: draft }),
      (x) => `${x.name} ${x.created ? 'created' : 'saved'}`,
    );
    if (!r) return;
    navigation.store.getState().setUnsaved(null);
    navigation.store.getState().navigate({ view: 'exceptions' });
  };

  return (
    <div className="page exception-editor">
      <header className="page-header">
        <h1>{isNew ? 'New exception' : `Edit ${name}`}</h1>
        <SaveBar
          valid={validation.valid}
          dirty={dirty}
          problems={validation.errors.length}
          cancelHref="#/exceptions"
          saving={save.state.status === 'running'}
          onSave={() => void onSave()}
        />
      </header>
      <Feedback state={save.state} />
      <form
        className="exception-form"
        aria-label="Exception form"
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <fieldset className="form-section">
          <legend>Exception</legend>
          <div className="field-row">
            <TextField
              label="Name"
              value={name}
              readOnly={!isNew}
              errors={errors.get('metadata.name')}
              onChange={(v) => set(['metadata', 'name'], v)}
            />
            <SelectField
              label="Plan"
              value={planName}
              options={plans.map((p) => ({ value: p.name, label: p.name }))}
              errors={[
                ...(errors.get('spec.planRef.name') ?? []),
                ...(planError ? [planError.message] : []),
              ]}
              onChange={(v) => set(['spec', 'planRef', 'name'], v)}
            />
            <SelectField
              label="Type"
              value={type}
              options={EXCEPTION_TYPES.map((t) => ({ value: t, label: t }))}
              hint={TYPE_HINT[type]}
              errors={errors.get('spec.type')}
              onChange={(v) => set(['spec', 'type'], v)}
            />
          </div>
          <div className="field-row">
            <TextField
              label="Valid from"
              type="datetime-local"
              value={toLocalInput(getAt(draft, ['spec', 'validFrom']))}
              errors={errors.get('spec.validFrom')}
              onChange={(v) => set(['spec', 'validFrom'], fromLocalInput(v))}
            />
            <TextField
              label="Valid until"
              type="datetime-local"
              value={toLocalInput(getAt(draft, ['spec', 'validUntil']))}
              hint="At most 90 days after the start."
              errors={errors.get('spec.validUntil')}
              onChange={(v) => set(['spec', 'validUntil'], fromLocalInput(v))}
            />
            {type === 'suspend' && (
              <TextField
                label="Lead time"
                value={str(getAt(draft, ['spec', 'leadTime']))}
                placeholder="1h"
                hint="Stay awake this long before each window, e.g. 30m or 1h30m."
                errors={errors.get('spec.leadTime')}
                onChange={(v) => set(['spec', 'leadTime'], v || undefined)}
              />
            )}
          </div>
          <TextField
            label="Reason"
            value={str(getAt(draft, ['metadata', 'annotations', EXCEPTION_REASON_ANNOTATION]))}
            placeholder="release week"
            onChange={(v) =>
              set(['metadata', 'annotations', EXCEPTION_REASON_ANNOTATION], v || undefined)
            }
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>Windows{plan ? ` (in ${plan.spec.schedule.timezone})` : ''}</legend>
          <WindowsEditor
            windows={getAt(draft, ['spec', 'windows'])}
            path={['spec', 'windows']}
            errors={errors}
            onChange={(v) => set(['spec', 'windows'], v)}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>Overrides (optional)</legend>
          <YamlField
            label="Target overrides"
            hint="A list of { targetName, parameters?, disabled? }."
            value={getAt(draft, ['spec', 'targetOverrides'])}
            errors={errors.get('spec.targetOverrides')}
            onChange={(v) => set(['spec', 'targetOverrides'], isEmpty(v) ? undefined : v)}
          />
          <YamlField
            label="Execution override"
            hint="{ strategy?, behavior? } for cycles started while the exception is valid."
            value={getAt(draft, ['spec', 'executionOverride'])}
            errors={errors.get('spec.executionOverride')}
            onChange={(v) => set(['spec', 'executionOverride'], isEmpty(v) ? undefined : v)}
          />
        </fieldset>
      </form>
      {plan && validation.valid && validation.value && (
        <section className="tab-section" aria-labelledby="exception-week">
          <h2 id="exception-week">{plan.metadata.name} this week, with this exception</h2>
          <WeekPicture plan={plan} exceptions={[validation.value]} now={now} />
        </section>
      )}
      <section className="tab-section" aria-label="Validation summary">
        <IssueList issues={validation.errors} label="Validation errors" />
        <IssueList issues={validation.warnings} kind="warning" label="Validation warnings" />
      </section>
      <section className="tab-section">
        <h2>YAML</h2>
        <pre aria-label="Exception YAML">{draftToYaml(draft)}</pre>
      </section>
    </div>
  );
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'object' && Object.keys(value).length === 0)
  );
}
