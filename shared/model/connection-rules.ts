import { IssueCollector, type RuleResult } from './issue';
import { field, isRecord, recordAt, stringAt } from './raw';

const ROLE_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):role\//;

const AUTH_KINDS: Readonly<Record<string, string>> = {
  serviceAccount: 'IRSA service account',
  static: 'static credentials from a Secret',
};

export function checkCloudProvider(connection: unknown): RuleResult {
  const out = new IssueCollector();
  const aws = recordAt(recordAt(connection, 'spec'), 'aws');
  if (!aws) return out;
  const profile = stringAt(aws, 'profile');

  const endpoint = aws.endpoint;
  if (typeof endpoint === 'string' && !isHttpUrl(endpoint)) {
    out.error(
      ['spec', 'aws', 'endpoint'],
      `"${endpoint}" is not an http(s) URL: write it like http://127.0.0.1:4566`,
    );
  }

  const accountId = stringAt(aws, 'accountId');
  const roleAccount = ROLE_ACCOUNT.exec(stringAt(aws, 'assumeRoleArn') ?? '')?.[1];
  if (accountId && roleAccount && accountId !== roleAccount) {
    out.warn(
      ['spec', 'aws', 'accountId'],
      `differs from the account of assumeRoleArn (${roleAccount}): after assuming the role AWS reports ${roleAccount}, so the pinned-account check will fail`,
    );
  }

  const auth = recordAt(aws, 'auth');
  for (const key of Object.keys(auth ?? {})) {
    const what = AUTH_KINDS[key] ? ` (${AUTH_KINDS[key]})` : '';
    const todo = profile
      ? `it uses the local AWS profile "${profile}" (spec.aws.profile) instead`
      : 'choose a local AWS profile (spec.aws.profile)';
    out.warn(
      ['spec', 'aws', 'auth', key],
      `operator-only auth \`spec.aws.auth.${key}\`${what} is ignored by the desktop app: ${todo}`,
    );
  }
  return out;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Exactly one way to reach the cluster: an EKS cluster through an AWS connection, or a local kubeconfig. */
export function checkK8SCluster(connection: unknown): RuleResult {
  const out = new IssueCollector();
  const spec = recordAt(connection, 'spec');
  if (!spec) return out;
  const hasEks = spec.eks !== undefined;
  const hasKubeconfig = spec.kubeconfig !== undefined;
  const pickLocal = hasKubeconfig
    ? 'it uses spec.kubeconfig instead'
    : 'pick a local kubeconfig and context (spec.kubeconfig: { path, context }) before using this connection';

  if (hasEks && hasKubeconfig) {
    out.error(['spec'], 'set either spec.eks (with spec.providerRef) or spec.kubeconfig, not both');
  }
  if (hasEks && spec.providerRef === undefined) {
    out.error(
      ['spec', 'providerRef'],
      'is required with spec.eks: name the AWS connection (CloudProvider) used to reach the EKS cluster',
    );
  }
  if (!hasEks && spec.providerRef !== undefined) {
    out.warn(['spec', 'providerRef'], 'is only used with spec.eks; it is ignored here');
  }

  // The operator's ways in (a Secret, in-cluster config, GKE) cannot work from a laptop.
  const operatorOnly: Array<{ path: string[]; label: string }> = [];
  if (spec.kubeconfigRef !== undefined)
    operatorOnly.push({ path: ['spec', 'kubeconfigRef'], label: 'kubeconfig Secret' });
  const k8s = recordAt(spec, 'k8s');
  if (field(k8s, 'kubeconfigRef') !== undefined)
    operatorOnly.push({ path: ['spec', 'k8s', 'kubeconfigRef'], label: 'kubeconfig Secret' });
  if (field(k8s, 'inCluster') === true)
    operatorOnly.push({ path: ['spec', 'k8s', 'inCluster'], label: 'in-cluster access' });
  if (spec.gke !== undefined)
    operatorOnly.push({
      path: ['spec', 'gke'],
      label: 'GKE cluster, not supported by the desktop app',
    });
  for (const { path, label } of operatorOnly) {
    out.warn(
      path,
      `operator-only auth \`${path.join('.')}\` (${label}) is ignored by the desktop app: ${pickLocal}`,
    );
  }

  if (!hasEks && !hasKubeconfig && operatorOnly.length === 0) {
    out.error(
      ['spec'],
      'says nothing about how to reach the cluster: set spec.kubeconfig: { path, context } or spec.eks: { name, region } with spec.providerRef',
    );
  }
  if (isRecord(spec.kubeconfig) && Object.keys(spec.kubeconfig).length === 0 && !hasEks) {
    out.warn(
      ['spec', 'kubeconfig'],
      'uses the default kubeconfig and its current context; set path and context to pin them',
    );
  }
  return out;
}
