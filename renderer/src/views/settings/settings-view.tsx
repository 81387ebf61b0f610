import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { useApp, useResource } from '../../app/app-context';
import { useAction } from '../../app/use-action';
import { Feedback } from '../../components/feedback';
import { ErrorState, Loading } from '../../components/state-views';
import { CheckboxField, NumberField, TextField } from '../../forms/fields';
import { useUnsavedGuard } from '../../forms/use-unsaved-guard';
import { YamlField } from '../../forms/yaml-field';
import './settings.css';

const NOTIFICATIONS: readonly { key: keyof Settings['notifications']; label: string }[] = [
  { key: 'phaseChanges', label: 'A plan goes to sleep or wakes up' },
  { key: 'failures', label: 'A plan needs attention' },
  { key: 'headsUp', label: 'Heads-up before a hibernation' },
  { key: 'caughtUp', label: 'A missed transition was caught up' },
  { key: 'credentials', label: 'Credentials need a new login (SSO)' },
];

export function SettingsView() {
  const { stores } = useApp();
  const { data, error } = useResource(stores.settings);
  if (data === undefined)
    return error ? (
      <ErrorState error={error} onRetry={() => void stores.settings.refresh()} />
    ) : (
      <Loading what="settings" />
    );
  return <SettingsForm saved={data} />;
}

function isCostMap(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'number' && v >= 0)
  );
}

/** Settings are edited as a whole and saved with one call; the engine announces the change to every window. */
function SettingsForm({ saved }: { saved: Settings }) {
  const { transport, stores } = useApp();
  const info = useResource(stores.info).data;
  const [draft, setDraft] = useState<Settings>(saved);
  const [base, setBase] = useState<Settings>(saved);
  if (saved !== base) {
    // Saved here or in another window: adopt it unless the user has edits of their own in progress.
    setBase(saved);
    if (JSON.stringify(draft) === JSON.stringify(base)) setDraft(saved);
  }
  const [costsError, setCostsError] = useState<string | null>(null);
  const save = useAction();
  const pause = useAction();
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useUnsavedGuard(dirty, 'the settings');
  const headsUpValid =
    Number.isInteger(draft.headsUpMinutes) &&
    draft.headsUpMinutes >= 0 &&
    draft.headsUpMinutes <= 240;

  const onSave = (): void => {
    void save.run(
      'Saving',
      () => transport.call('updateSettings', { settings: draft }),
      () => 'Settings saved',
    );
  };

  return (
    <div className="page settings">
      <header className="page-header">
        <h1>Settings</h1>
        <button
          type="button"
          className="primary"
          disabled={
            !dirty || !headsUpValid || costsError !== null || save.state.status === 'running'
          }
          onClick={onSave}
        >
          Save
        </button>
      </header>
      <Feedback state={save.state} onDismiss={save.reset} />
      <form aria-label="Settings" onSubmit={(e) => e.preventDefault()} noValidate>
        <fieldset className="form-section">
          <legend>Notifications</legend>
          {NOTIFICATIONS.map((n) => (
            <CheckboxField
              key={n.key}
              label={n.label}
              checked={draft.notifications[n.key]}
              onChange={(v) =>
                setDraft({ ...draft, notifications: { ...draft.notifications, [n.key]: v } })
              }
            />
          ))}
          <NumberField
            label="Heads-up minutes"
            min={0}
            value={draft.headsUpMinutes}
            hint="Warn this many minutes before a scheduled hibernation (0 = no warning)."
            errors={
              headsUpValid ? undefined : ['must be a whole number of minutes between 0 and 240']
            }
            onChange={(v) => setDraft({ ...draft, headsUpMinutes: v ?? 0 })}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>Desktop</legend>
          <CheckboxField
            label="Start at login"
            checked={draft.startAtLogin}
            hint={
              info?.host === 'desktop'
                ? undefined
                : 'Applies to the desktop app; hibernator serve is started by you.'
            }
            onChange={(v) => setDraft({ ...draft, startAtLogin: v })}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>Savings estimate</legend>
          <TextField
            label="Currency"
            value={draft.currency}
            onChange={(v) => setDraft({ ...draft, currency: v })}
            errors={
              draft.currency.length >= 1 && draft.currency.length <= 8
                ? undefined
                : ['1 to 8 characters, e.g. EUR']
            }
          />
          <YamlField
            label="Hourly cost per target"
            hint={'"plan/target": cost per hour while awake, e.g. "dev-env/database": 0.42'}
            value={draft.hourlyCosts}
            errors={costsError ? [costsError] : undefined}
            onChange={(v) => {
              if (isCostMap(v)) {
                setCostsError(null);
                setDraft({ ...draft, hourlyCosts: v });
              } else setCostsError('must map "plan/target" to a number of at least 0');
            }}
          />
        </fieldset>
      </form>
      <section className="form-section settings-info" aria-label="About this engine">
        <h2>Engine</h2>
        <dl>
          <dt>Data directory</dt>
          <dd>
            <code>{info?.dataDir ?? '…'}</code>
          </dd>
          <dt>Version</dt>
          <dd>{info?.version ?? '…'}</dd>
          <dt>Running as</dt>
          <dd>
            {info?.host === 'serve' ? (
              <>
                <code>hibernator serve</code> (web UI)
              </>
            ) : info?.host === 'desktop' ? (
              'desktop app'
            ) : (
              (info?.host ?? '…')
            )}
          </dd>
        </dl>
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              void pause.run(
                'Pausing',
                () => transport.call('pauseAll', { paused: true }),
                (r) => `Paused ${r.plans.length} plan(s)`,
              )
            }
          >
            Pause all schedules
          </button>
          <button
            type="button"
            onClick={() =>
              void pause.run(
                'Resuming',
                () => transport.call('pauseAll', { paused: false }),
                (r) => `Resumed ${r.plans.length} plan(s)`,
              )
            }
          >
            Resume paused schedules
          </button>
        </div>
        <Feedback state={pause.state} onDismiss={pause.reset} />
      </section>
    </div>
  );
}
