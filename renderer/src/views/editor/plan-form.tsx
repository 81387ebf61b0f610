import { BEHAVIOR_MODES, type Connection } from '../../../../shared/model';
import { MapField } from '../../forms/codec-field';
import { type Draft, getAt, setAt } from '../../forms/draft';
import { FieldErrors, NumberField, SelectField, TextField } from '../../forms/fields';
import { TimeZonePicker } from '../../forms/time-zone-picker';
import { WindowsEditor } from '../../forms/windows-editor';
import { StrategyEditor } from './strategy-editor';
import { TargetsEditor } from './targets-editor';

interface PlanFormProps {
  draft: Draft;
  isNew: boolean;
  errors: Map<string, string[]>;
  nameTaken: boolean;
  connections: readonly Connection[];
  canDryRun: boolean;
  onDryRun(target: string): void;
  onChange(next: Draft): void;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The plan as a form; every field shows the messages `validatePlan` reports for its path. */
export function PlanForm({
  draft,
  isNew,
  errors,
  nameTaken,
  connections,
  canDryRun,
  onDryRun,
  onChange,
}: PlanFormProps) {
  const set = (path: (string | number)[], value: unknown): void =>
    onChange(setAt(draft, path, value));
  const targets = getAt(draft, ['spec', 'targets']);
  const targetNames = (Array.isArray(targets) ? targets : [])
    .map((t) => str(getAt(t, ['name'])))
    .filter((n) => n !== '');
  const retries = getAt(draft, ['spec', 'behavior', 'retries']);
  const nameErrors = [
    ...(errors.get('metadata.name') ?? []),
    ...(nameTaken
      ? ['a plan with this name already exists: choose another name, or edit that plan']
      : []),
  ];

  return (
    <>
      <fieldset className="form-section">
        <legend>Plan</legend>
        <TextField
          label="Name"
          value={str(getAt(draft, ['metadata', 'name']))}
          readOnly={!isNew}
          placeholder="dev-env"
          hint={
            isNew
              ? 'Lower-case letters, digits and dashes.'
              : 'The name cannot change; export and import under a new name to copy a plan.'
          }
          errors={nameErrors}
          onChange={(v) => set(['metadata', 'name'], v)}
        />
        <MapField
          label="Labels"
          value={getAt(draft, ['metadata', 'labels'])}
          placeholder="team=payments, env=dev"
          hint="key=value pairs, separated by commas."
          errors={errors.get('metadata.labels')}
          onChange={(v) => set(['metadata', 'labels'], v)}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Schedule</legend>
        <TimeZonePicker
          label="Time zone"
          value={str(getAt(draft, ['spec', 'schedule', 'timezone']))}
          errors={errors.get('spec.schedule.timezone')}
          onChange={(v) => set(['spec', 'schedule', 'timezone'], v)}
        />
        <h3 className="form-subtitle">Off-hours (asleep)</h3>
        <WindowsEditor
          windows={getAt(draft, ['spec', 'schedule', 'offHours'])}
          path={['spec', 'schedule', 'offHours']}
          errors={errors}
          onChange={(v) => set(['spec', 'schedule', 'offHours'], v)}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Execution</legend>
        <StrategyEditor
          strategy={getAt(draft, ['spec', 'execution', 'strategy'])}
          targetNames={targetNames}
          path={['spec', 'execution', 'strategy']}
          errors={errors}
          onChange={(v) => set(['spec', 'execution', 'strategy'], v)}
        />
        <div className="field-row">
          <SelectField
            label="On failure"
            value={str(getAt(draft, ['spec', 'behavior', 'mode'])) || 'Strict'}
            options={BEHAVIOR_MODES.map((m) => ({
              value: m,
              label:
                m === 'Strict'
                  ? 'Strict — stop at the first failed target'
                  : 'BestEffort — carry on with the others',
            }))}
            errors={errors.get('spec.behavior.mode')}
            onChange={(v) => set(['spec', 'behavior', 'mode'], v)}
          />
          <NumberField
            label="Retries"
            min={0}
            value={typeof retries === 'number' ? retries : undefined}
            placeholder="3"
            errors={errors.get('spec.behavior.retries')}
            onChange={(v) => set(['spec', 'behavior', 'retries'], v)}
          />
        </div>
        <FieldErrors id="execution-errors" messages={errors.get('spec.execution')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Targets</legend>
        <TargetsEditor
          targets={targets}
          connections={connections}
          path={['spec', 'targets']}
          errors={errors}
          canDryRun={canDryRun}
          onDryRun={onDryRun}
          onChange={(v) => set(['spec', 'targets'], v)}
        />
      </fieldset>
    </>
  );
}
