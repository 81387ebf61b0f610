import {
  createConfiguration,
  ServerConfiguration,
  type Configuration,
  type KubeConfig,
  type RequestContext,
  type SecurityAuthentication,
} from '@kubernetes/client-node';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { KubeError } from '../../cloud-errors/kube-errors';
import { CodedError } from '../../errors/coded-error';

/** The TLS inputs an agent is built from; two requests with the same ones can share connections. */
const AGENT_KEYS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'];

function agentKey(agent: HttpAgent): string {
  const options = Reflect.get(agent, 'options') as Record<string, unknown> | undefined;
  const parts = AGENT_KEYS.map((k) => {
    const v = options?.[k];
    return Buffer.isBuffer(v) ? v.toString('base64') : v === undefined ? null : String(v);
  });
  return JSON.stringify([agent instanceof HttpsAgent ? 'https' : 'http', ...parts]);
}

/**
 * client-node builds a new Agent, so a new TCP (and TLS) connection, for every request. With
 * hundreds of scale patches a run that costs more than the requests themselves; this keeps one
 * keep-alive agent per set of TLS inputs instead (a rotated client certificate gets its own).
 * Proxy agents are left as client-node made them.
 */
function keepAliveAuthentication(
  kc: KubeConfig,
  describe: string,
  agents: Map<string, HttpAgent>,
): SecurityAuthentication {
  return {
    getName: () => 'kubeconfig (keep-alive)',
    async applySecurityAuthentication(context: RequestContext) {
      try {
        await kc.applySecurityAuthentication(context);
      } catch (error) {
        throw credentialsError(error, describe);
      }
      const fresh = context.getAgent();
      if (
        !(fresh instanceof HttpAgent) ||
        (fresh.constructor !== HttpAgent && fresh.constructor !== HttpsAgent)
      )
        return;
      const key = agentKey(fresh);
      let shared = agents.get(key);
      if (shared === undefined) {
        const options = {
          ...(Reflect.get(fresh, 'options') as Record<string, unknown>),
          keepAlive: true,
        };
        shared = fresh instanceof HttpsAgent ? new HttpsAgent(options) : new HttpAgent(options);
        agents.set(key, shared);
      }
      fresh.destroy();
      context.setAgent(shared);
    },
  };
}

/**
 * Getting the credentials failed before any request was sent: an exec plugin that exited with an
 * error (its stderr is the message), an unreadable token file. A plugin that cannot be started
 * keeps its spawn error, which toKubeError explains; errors already explained pass through.
 */
function credentialsError(error: unknown, describe: string): unknown {
  if (error instanceof CodedError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (typeof e.syscall === 'string') return error;
  const reason = (error instanceof Error ? error.message : String(error))
    .trim()
    .split('\n')
    .slice(-3)
    .join(' ');
  return new KubeError(
    'KUBE_CREDENTIALS',
    `getting credentials for ${describe} failed: ${reason || 'the credential plugin exited with an error'}; log in again (e.g. the cloud CLI's login command) and retry`,
    false,
  );
}

/**
 * What `kc.makeApiClient` builds, but with connections kept alive between requests; `close`
 * drops the idle connections (they never keep the process alive, but a host that quits tidies up).
 */
export function keepAliveConfiguration(
  kc: KubeConfig,
  describe: string,
): { configuration: Configuration; close(): void } {
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new Error('the kubeconfig has no current cluster');
  const agents = new Map<string, HttpAgent>();
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: keepAliveAuthentication(kc, describe, agents) },
  });
  return {
    configuration,
    close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
