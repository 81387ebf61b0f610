import type { Connection } from '../../../../shared/model';
import { type Draft, getAt, setAt } from '../../forms/draft';
import { SelectField, TextField } from '../../forms/fields';

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

interface Props {
  draft: Draft;
  errors: Map<string, string[]>;
  connections: readonly Connection[];
  onChange(next: Draft): void;
}

/** AWS: profile + region (SSO works through the profile), optional account pin and role. */
export function CloudProviderFields({ draft, errors, onChange }: Props) {
  const field = (key: string, label: string, placeholder: string, hint?: string) => (
    <TextField
      label={label}
      value={str(getAt(draft, ['spec', 'aws', key]))}
      placeholder={placeholder}
      hint={hint}
      errors={errors.get(`spec.aws.${key}`)}
      onChange={(v) => onChange(setAt(draft, ['spec', 'aws', key], v || undefined))}
    />
  );
  return (
    <>
      <div className="field-row">
        {field(
          'profile',
          'AWS profile',
          'default',
          'From ~/.aws/config; leave empty for the default profile.',
        )}
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
