import { useId } from 'react';
import type { AwsProfileInfo, KubeContextInfo } from '../../../../shared/api';
import type { Connection } from '../../../../shared/model';
import { type Draft, getAt, setAt } from '../../forms/draft';
import { SelectField, TextField } from '../../forms/fields';
import { type MachineChoices, useAwsProfiles, useKubeContexts } from './use-machine-choices';

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

interface Props {
  draft: Draft;
  errors: Map<string, string[]>;
  connections: readonly Connection[];
  onChange(next: Draft): void;
}

function describeProfile(p: AwsProfileInfo): string {
  return [
    `in ${p.sources.join(' and ')}`,
    p.region ? `region ${p.region}` : '',
    p.sso ? 'SSO login' : '',
    p.roleArn ? `assumes ${p.roleArn}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function profileHint(name: string, profiles: MachineChoices<AwsProfileInfo>): string {
  if (profiles.items === undefined) return 'Reading the profiles of this machine…';
  const found = profiles.items.find((p) => p.name === name);
  if (found) return `Profile ${found.name}: ${describeProfile(found)}.`;
  if (name) return `No profile “${name}” in this machine’s AWS files: Test connection says more.`;
  return profiles.items.length > 0
    ? `Pick one of the ${profiles.items.length} profile(s) of this machine, or leave empty for the default.`
    : 'No AWS profiles found on this machine (~/.aws/config, ~/.aws/credentials); empty = the default credentials.';
}

/** AWS: profile + region (SSO works through the profile), optional account pin and role. */
export function CloudProviderFields({ draft, errors, onChange }: Props) {
  const listId = useId();
  const profiles = useAwsProfiles();
  const profile = str(getAt(draft, ['spec', 'aws', 'profile']));
  const setAws = (d: Draft, key: string, v: string): Draft =>
    setAt(d, ['spec', 'aws', key], v || undefined);
  const field = (key: string, label: string, placeholder: string, hint?: string) => (
    <TextField
      label={label}
      value={str(getAt(draft, ['spec', 'aws', key]))}
      placeholder={placeholder}
      hint={hint}
      errors={errors.get(`spec.aws.${key}`)}
      onChange={(v) => onChange(setAws(draft, key, v))}
    />
  );
  const onProfile = (v: string): void => {
    let next = setAws(draft, 'profile', v);
    // A profile that names its region fills an empty Region field: one choice, not two.
    const region = profiles.items?.find((p) => p.name === v)?.region;
    if (region && !str(getAt(draft, ['spec', 'aws', 'region'])))
      next = setAws(next, 'region', region);
    onChange(next);
  };
  return (
    <>
      <div className="field-row">
        <TextField
          label="AWS profile"
          list={listId}
          value={profile}
          placeholder="default"
          hint={profileHint(profile, profiles)}
          errors={errors.get('spec.aws.profile')}
          onChange={onProfile}
        />
        <datalist id={listId}>
          {(profiles.items ?? []).map((p) => (
            <option key={p.name} value={p.name} label={describeProfile(p)} />
          ))}
        </datalist>
        {field('region', 'Region', 'eu-central-1')}
      </div>
      <div className="field-row">
        {field(
          'accountId',
          'Account id',
          '012345678901',
          'When set, every call first checks it talks to this account.',
        )}
        {field('assumeRoleArn', 'Role to assume', 'arn:aws:iam::012345678901:role/hibernator')}
      </div>
      {field(
        'endpoint',
        'Endpoint',
        'http://127.0.0.1:4566',
        'Only for LocalStack, moto or emulators.',
      )}
    </>
  );
}

const SEP = '\u0000';

function contextLabel(c: KubeContextInfo): string {
  return `${c.context}${c.current ? ' (current)' : ''} — cluster ${c.cluster} · ${c.file}`;
}

/** Picks a context of the machine's kubeconfig files; the path and context fields stay editable. */
function KubeContextPicker({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  const contexts = useKubeContexts();
  const path = str(getAt(draft, ['spec', 'kubeconfig', 'path']));
  const context = str(getAt(draft, ['spec', 'kubeconfig', 'context']));
  const items = contexts.items ?? [];
  const chosen = items.find((c) => c.file === path && c.context === context);
  return (
    <SelectField
      label="Kubeconfig context"
      value={chosen ? `${chosen.file}${SEP}${chosen.context}` : ''}
      options={items.map((c) => ({ value: `${c.file}${SEP}${c.context}`, label: contextLabel(c) }))}
      hint={
        contexts.items === undefined
          ? 'Reading the kubeconfig files of this machine…'
          : items.length === 0
            ? 'No contexts found in KUBECONFIG or ~/.kube/config: type the path and context below.'
            : chosen?.exec
              ? `Signs in with the ${chosen.exec} plugin.`
              : `${items.length} context(s) on this machine; or type the path and context below.`
      }
      onChange={(v) => {
        const [file = '', ctx = ''] = v.split(SEP);
        onChange(setAt(draft, ['spec', 'kubeconfig'], { path: file, context: ctx }));
      }}
    />
  );
}

/** Kubernetes: a kubeconfig context, or an EKS cluster reached through a CloudProvider. */
export function K8SClusterFields({ draft, errors, connections, onChange }: Props) {
  const mode = getAt(draft, ['spec', 'eks']) !== undefined ? 'eks' : 'kubeconfig';
  const set = (path: string[], value: string): void =>
    onChange(setAt(draft, ['spec', ...path], value || undefined));
  const providers = connections
    .filter((c) => c.kind === 'CloudProvider')
    .map((c) => ({ value: c.metadata.name, label: c.metadata.name }));
  const switchMode = (next: 'eks' | 'kubeconfig'): void => {
    let d = setAt(draft, ['spec', 'eks'], next === 'eks' ? { name: '', region: '' } : undefined);
    d = setAt(
      d,
      ['spec', 'providerRef'],
      next === 'eks' ? { name: providers[0]?.value ?? '' } : undefined,
    );
    d = setAt(d, ['spec', 'kubeconfig'], next === 'kubeconfig' ? {} : undefined);
    onChange(d);
  };
  return (
    <>
      <SelectField
        label="Access through"
        value={mode}
        options={[
          { value: 'kubeconfig', label: 'a kubeconfig context' },
          { value: 'eks', label: 'an EKS cluster (AWS credentials)' },
        ]}
        onChange={switchMode}
      />
      {mode === 'kubeconfig' ? (
        <>
          <KubeContextPicker draft={draft} onChange={onChange} />
          <div className="field-row">
            <TextField
              label="Kubeconfig path"
              value={str(getAt(draft, ['spec', 'kubeconfig', 'path']))}
              placeholder="~/.kube/config"
              hint="Empty: KUBECONFIG or ~/.kube/config."
              errors={errors.get('spec.kubeconfig.path')}
              onChange={(v) => set(['kubeconfig', 'path'], v)}
            />
            <TextField
              label="Context"
              value={str(getAt(draft, ['spec', 'kubeconfig', 'context']))}
              placeholder="(current context)"
              errors={errors.get('spec.kubeconfig.context')}
              onChange={(v) => set(['kubeconfig', 'context'], v)}
            />
          </div>
        </>
      ) : (
        <div className="field-row">
          <TextField
            label="EKS cluster name"
            value={str(getAt(draft, ['spec', 'eks', 'name']))}
            errors={errors.get('spec.eks.name')}
            onChange={(v) => onChange(setAt(draft, ['spec', 'eks', 'name'], v))}
          />
          <TextField
            label="EKS region"
            value={str(getAt(draft, ['spec', 'eks', 'region']))}
            placeholder="eu-central-1"
            errors={errors.get('spec.eks.region')}
            onChange={(v) => onChange(setAt(draft, ['spec', 'eks', 'region'], v))}
          />
          <SelectField
            label="AWS connection"
            value={str(getAt(draft, ['spec', 'providerRef', 'name']))}
            options={providers}
            hint={providers.length === 0 ? 'Add a CloudProvider connection first.' : undefined}
            errors={errors.get('spec.providerRef.name')}
            onChange={(v) => onChange(setAt(draft, ['spec', 'providerRef'], { name: v }))}
          />
        </div>
      )}
      {errors.get('spec') && <div className="field-errors">{errors.get('spec')?.join(' ')}</div>}
    </>
  );
}
