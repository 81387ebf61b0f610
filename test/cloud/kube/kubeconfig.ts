/** A kubeconfig (YAML) that points kubectl or @kubernetes/client-node at the emulator. */
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  token: string;
  /** PEM of the server certificate; when set, clients verify TLS against it. */
  caPem?: string;
  contextName?: string;
  namespace?: string;
  user?: string;
}

export function buildKubeconfig(opts: KubeconfigOptions): string {
  const name = opts.contextName ?? 'kube-emulator';
  const user = opts.user ?? `${name}-admin`;
  // client-node refuses plain http unless TLS verification is explicitly skipped.
  const cluster: Record<string, unknown> = { server: opts.server };
  if (opts.caPem !== undefined)
    cluster['certificate-authority-data'] = Buffer.from(opts.caPem).toString('base64');
  else cluster['insecure-skip-tls-verify'] = true;
  const context: Record<string, unknown> = { cluster: name, user };
  if (opts.namespace !== undefined) context.namespace = opts.namespace;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name, cluster }],
    users: [{ name: user, user: { token: opts.token } }],
    contexts: [{ name, context }],
    'current-context': name,
  });
}
