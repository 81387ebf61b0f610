import type { ApiException } from '@kubernetes/client-node';
import { CodedError } from '../errors/coded-error';

/** One API request as a user would name it in RBAC terms, for error messages. */
export interface KubeOperation {
  verb: 'get' | 'list' | 'watch' | 'create' | 'patch' | 'delete';
  group: string;
  version: string;
  /** Plural, with the subresource: `deployments/scale`. */
  resource: string;
  namespace?: string;
  name?: string;
}

/** Where the request went: the server URL and how the connection reached it. */
export interface KubeEndpoint {
  server: string;
  /** "context dev in /home/me/.kube/config" or "EKS cluster dev-cluster (us-east-1) through AWS connection sandbox-aws". */
  description: string;
}

/** A failed Kubernetes request, already classified; `status` is the HTTP status when there was an answer. */
export class KubeError extends CodedError {
  constructor(
    code: string,
    message: string,
    transient: boolean,
    readonly status?: number,
    readonly reason?: string,
    /** Seconds the server asked us to wait (429), if it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message, transient);
    this.name = 'KubeError';
  }
}

interface StatusBody {
  message?: string;
  reason?: string;
  retryAfterSeconds?: number;
}

function parseStatus(body: unknown): StatusBody {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return { message: body.trim() === '' ? undefined : body.trim().slice(0, 300) };
    }
  }
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const details =
    typeof v.details === 'object' && v.details !== null
      ? (v.details as Record<string, unknown>)
      : {};
  return {
    message: typeof v.message === 'string' ? v.message : undefined,
    reason: typeof v.reason === 'string' ? v.reason : undefined,
    retryAfterSeconds:
      typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined,
  };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

function scopeOf(op: KubeOperation): string {
  return op.namespace === undefined ? 'at cluster scope' : `in namespace ${op.namespace}`;
}

function groupLabel(group: string): string {
  return group === '' ? 'core' : group;
}

function networkReason(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    default:
      return code;
  }
}

/**
 * client-node's ApiException, recognised by its shape (numeric HTTP `code`, `body`, `headers`,
 * and the message its constructor writes) rather than by `instanceof`, so this module, which
 * every Kubernetes executor imports, does not load client-node: a host that never reaches a
 * cluster (most CLI runs) never pays for it.
 */
function isApiException(error: unknown): error is ApiException<unknown> {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'number' &&
    'body' in error &&
    'headers' in error &&
    error.message.startsWith('HTTP-Code: ')
  );
}

/** Turns whatever client-node threw for `op` into a classified KubeError with a message a user can act on. */
export function toKubeError(error: unknown, op: KubeOperation, endpoint: KubeEndpoint): KubeError {
  if (error instanceof KubeError) return error;
  if (error instanceof CodedError) return new KubeError(error.code, error.message, error.transient);
  if (isApiException(error)) {
    const status = parseStatus(error.body);
    const retryHeader = Number(
      (error.headers as Record<string, string> | undefined)?.['retry-after'],
    );
    const retryAfter =
      status.retryAfterSeconds ?? (Number.isFinite(retryHeader) ? retryHeader : undefined);
    return fromStatus(error.code, status, op, endpoint, retryAfter);
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (typeof e.syscall === 'string' && e.syscall.startsWith('spawn')) {
    const command = typeof e.path === 'string' ? e.path : 'the exec plugin';
    return new KubeError(
      'KUBE_EXEC_PLUGIN',
      `the credential plugin "${command}" of ${endpoint.description} could not be started (${code || message}): install it or make sure it is on the PATH of your login shell`,
      false,
    );
  }
  if (NETWORK_CODES.has(code)) {
    return new KubeError(
      'KUBE_UNREACHABLE',
      `cannot reach the Kubernetes API at ${endpoint.server} (${endpoint.description}): ${networkReason(code)}`,
      true,
    );
  }
  if (TLS_CODES.test(code)) {
    return new KubeError(
      'KUBE_TLS',
      `the Kubernetes API at ${endpoint.server} presented a certificate that is not trusted (${code}): check the cluster's certificate-authority in ${endpoint.description}`,
      false,
    );
  }
  if (e.name === 'AbortError') return new KubeError('ABORTED', 'the operation was cancelled', true);
  return new KubeError(
    'KUBE_REQUEST_FAILED',
    `${op.verb} ${op.resource} ${scopeOf(op)} failed: ${message}`,
    false,
  );
}

/** A failed answer known only by its HTTP status and body (a watch that did not start, for one). */
export function kubeErrorForStatus(
  code: number,
  body: unknown,
  op: KubeOperation,
  endpoint: KubeEndpoint,
): KubeError {
  return fromStatus(code, parseStatus(body), op, endpoint, undefined);
}

function fromStatus(
  code: number,
  status: StatusBody,
  op: KubeOperation,
  endpoint: KubeEndpoint,
  retryAfter: number | undefined,
): KubeError {
  const serverSays = status.message ?? `HTTP ${code}`;
  const mk = (c: string, message: string, transient: boolean): KubeError =>
    new KubeError(c, message, transient, code, status.reason, retryAfter);
  switch (code) {
    case 401:
      return mk(
        'KUBE_UNAUTHORIZED',
        `the cluster at ${endpoint.server} rejected the credentials of ${endpoint.description} (401 Unauthorized): log in again or refresh the token, then retry`,
        false,
      );
    case 403: {
      const user = /User "([^"]+)"/.exec(serverSays)?.[1];
      const who =
        user === undefined
          ? `the user of ${endpoint.description}`
          : `user "${user}" (${endpoint.description})`;
      return mk(
        'KUBE_FORBIDDEN',
        `forbidden: cannot ${op.verb} ${op.resource} ${scopeOf(op)} — grant "${op.verb}" on "${op.resource}" in API group "${groupLabel(op.group)}" to ${who}`,
        false,
      );
    }
    case 404:
      if (
        op.name === undefined ||
        status.reason === undefined ||
        serverSays.startsWith('the server could not find')
      ) {
        return mk(
          'KUBE_RESOURCE_UNKNOWN',
          `the cluster does not serve ${op.group === '' ? '' : `${op.group}/`}${op.version}/${op.resource.split('/')[0] ?? op.resource}: check the API group, version and resource name (is the CRD installed?)`,
          false,
        );
      }
      return mk('KUBE_NOT_FOUND', `${serverSays} (${scopeOf(op)})`, false);
    case 409:
      return mk(
        status.reason === 'AlreadyExists' ? 'KUBE_ALREADY_EXISTS' : 'KUBE_CONFLICT',
        serverSays,
        status.reason !== 'AlreadyExists',
      );
    case 410:
      return mk(
        'KUBE_EXPIRED',
        `the list of ${op.resource} changed too much while it was being read (${serverSays}); it is read again on retry`,
        true,
      );
    case 422:
      return mk(
        'KUBE_INVALID',
        `the cluster refused to ${op.verb} ${op.resource} ${scopeOf(op)}: ${serverSays}`,
        false,
      );
    case 429:
      return mk(
        'KUBE_THROTTLED',
        `the Kubernetes API at ${endpoint.server} is throttling requests (429): retried later`,
        true,
      );
    default:
      if (code >= 500)
        return mk(
          'KUBE_SERVER_ERROR',
          `the Kubernetes API at ${endpoint.server} failed to ${op.verb} ${op.resource} (${code}): ${serverSays}`,
          true,
        );
      return mk(
        'KUBE_REQUEST_FAILED',
        `${op.verb} ${op.resource} ${scopeOf(op)} failed (${code}): ${serverSays}`,
        false,
      );
  }
}
