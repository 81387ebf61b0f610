import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { classifyCommonError } from '../errors/coded-error';
import { toKubeError, type KubeOperation } from './kube-errors';

const endpoint = {
  server: 'https://k8s.example.com',
  description: 'context "dev" in /home/me/.kube/config',
};
const patchScale: KubeOperation = {
  verb: 'patch',
  group: 'apps',
  version: 'v1',
  resource: 'deployments/scale',
  namespace: 'payments',
  name: 'api',
};

function apiError(
  code: number,
  status: Record<string, unknown>,
  headers: Record<string, string> = {},
): ApiException<string> {
  return new ApiException(
    code,
    `HTTP-Code: ${code}`,
    JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, ...status }),
    headers,
  );
}

describe('toKubeError', () => {
  it('names verb, resource, namespace, API group and user when RBAC forbids a call', () => {
    const e = toKubeError(
      apiError(403, {
        reason: 'Forbidden',
        message:
          'deployments.apps "api" is forbidden: User "ci-bot" cannot patch resource "deployments/scale" in API group "apps" in the namespace "payments"',
      }),
      patchScale,
      endpoint,
    );
    expect(e).toMatchObject({ code: 'KUBE_FORBIDDEN', transient: false, status: 403 });
    expect(e.message).toBe(
      'forbidden: cannot patch deployments/scale in namespace payments — grant "patch" on "deployments/scale" in API group "apps" to user "ci-bot" (context "dev" in /home/me/.kube/config)',
    );
  });

  it('speaks of the cluster scope and the core group for cluster-wide core resources', () => {
    const e = toKubeError(
      apiError(403, { reason: 'Forbidden', message: 'namespaces is forbidden' }),
      { verb: 'list', group: '', version: 'v1', resource: 'namespaces' },
      endpoint,
    );
    expect(e.message).toBe(
      'forbidden: cannot list namespaces at cluster scope — grant "list" on "namespaces" in API group "core" to the user of context "dev" in /home/me/.kube/config',
    );
  });

  it('asks for a fresh login on 401', () => {
    expect(
      toKubeError(
        apiError(401, { reason: 'Unauthorized', message: 'Unauthorized' }),
        patchScale,
        endpoint,
      ),
    ).toMatchObject({
      code: 'KUBE_UNAUTHORIZED',
      transient: false,
      message: expect.stringContaining('rejected the credentials of context "dev"'),
    });
  });

  it('tells a missing object from a resource type the server does not serve', () => {
    expect(
      toKubeError(
        apiError(404, { reason: 'NotFound', message: 'deployments.apps "api" not found' }),
        patchScale,
        endpoint,
      ).code,
    ).toBe('KUBE_NOT_FOUND');
    const unknown = toKubeError(
      apiError(404, {
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      }),
      {
        verb: 'list',
        group: 'argoproj.io',
        version: 'v1alpha1',
        resource: 'rollouts',
        namespace: 'web',
      },
      endpoint,
    );
    expect(unknown).toMatchObject({
      code: 'KUBE_RESOURCE_UNKNOWN',
      message: expect.stringContaining('does not serve argoproj.io/v1alpha1/rollouts'),
    });
  });

  it.each([
    [409, 'AlreadyExists', 'KUBE_ALREADY_EXISTS', false],
    [409, 'Conflict', 'KUBE_CONFLICT', true],
    [410, 'Expired', 'KUBE_EXPIRED', true],
    [422, 'Invalid', 'KUBE_INVALID', false],
    [429, 'TooManyRequests', 'KUBE_THROTTLED', true],
    [500, 'InternalError', 'KUBE_SERVER_ERROR', true],
    [503, 'ServiceUnavailable', 'KUBE_SERVER_ERROR', true],
    [400, 'BadRequest', 'KUBE_REQUEST_FAILED', false],
  ])('classifies HTTP %i (%s) as %s, transient=%s', (code, reason, expected, transient) => {
    const e = toKubeError(apiError(code, { reason, message: reason }), patchScale, endpoint);
    expect(e).toMatchObject({ code: expected, transient });
    // The engine's default classifier keeps the executor's classification.
    expect(classifyCommonError(e)).toEqual({ code: expected, message: e.message, transient });
  });

  it('keeps the Retry-After a throttled request was given', () => {
    expect(
      toKubeError(
        apiError(429, { reason: 'TooManyRequests', details: { retryAfterSeconds: 2 } }),
        patchScale,
        endpoint,
      ).retryAfterSeconds,
    ).toBe(2);
    expect(
      toKubeError(
        apiError(429, { reason: 'TooManyRequests' }, { 'retry-after': '7' }),
        patchScale,
        endpoint,
      ).retryAfterSeconds,
    ).toBe(7);
  });

  it('treats network failures as transient and says which server could not be reached', () => {
    const refused = Object.assign(new Error('request to https://k8s.example.com/version failed'), {
      code: 'ECONNREFUSED',
      type: 'system',
    });
    expect(toKubeError(refused, patchScale, endpoint)).toMatchObject({
      code: 'KUBE_UNREACHABLE',
      transient: true,
      message:
        'cannot reach the Kubernetes API at https://k8s.example.com (context "dev" in /home/me/.kube/config): connection refused',
    });
    const tls = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(toKubeError(tls, patchScale, endpoint)).toMatchObject({
      code: 'KUBE_TLS',
      transient: false,
    });
  });
});
