/**
 * Kubernetes `Status` bodies, shaped like the apiserver's `k8s.io/apimachinery/pkg/api/errors`
 * constructors so clients parse reasons, codes and details exactly as they would from a cluster.
 */
import type { JsonObject } from './json';

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: JsonObject;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An API failure carried to the HTTP layer; `code` is the HTTP status, `body` the Status JSON. */
export class KubeApiError extends Error {
  readonly code: number;
  readonly body: StatusBody;
  readonly headers: Record<string, string>;

  constructor(body: StatusBody, headers: Record<string, string> = {}) {
    super(body.message ?? body.reason ?? `HTTP ${body.code}`);
    this.name = 'KubeApiError';
    this.code = body.code;
    this.body = body;
    this.headers = headers;
  }
}

/** A resource as the apiserver names it in messages: `deployments.apps`, or `namespaces` for the core group. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualified(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

/** A Status failure with the given code and reason (injected faults use it for 403 and 422). */
export function failure(
  code: number,
  reason: string | undefined,
  message: string,
  details?: StatusDetails,
): KubeApiError {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    code,
  };
  if (reason !== undefined) body.reason = reason;
  if (details !== undefined) body.details = details;
  return new KubeApiError(body);
}

function detailsFor(gr: GroupResource, name?: string): StatusDetails {
  const d: StatusDetails = {};
  if (name !== undefined) d.name = name;
  if (gr.group !== '') d.group = gr.group;
  d.kind = gr.resource;
  return d;
}

export function notFound(gr: GroupResource, name: string): KubeApiError {
  return failure(404, 'NotFound', `${qualified(gr)} "${name}" not found`, detailsFor(gr, name));
}

/** The answer for a path no registered resource serves. */
export function pathNotFound(): KubeApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(gr: GroupResource, name: string): KubeApiError {
  return failure(
    409,
    'AlreadyExists',
    `${qualified(gr)} "${name}" already exists`,
    detailsFor(gr, name),
  );
}

export function conflict(gr: GroupResource, name: string): KubeApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(gr)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsFor(gr, name),
  );
}

export interface ForbiddenRequest {
  user: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export function forbidden(req: ForbiddenRequest): KubeApiError {
  const gr = { group: req.group, resource: req.resource };
  const target = req.name === undefined ? qualified(gr) : `${qualified(gr)} "${req.name}"`;
  const res = req.subresource === undefined ? req.resource : `${req.resource}/${req.subresource}`;
  const scope =
    req.namespace === undefined ? 'at the cluster scope' : `in the namespace "${req.namespace}"`;
  const message = `${target} is forbidden: User "${req.user}" cannot ${req.verb} resource "${res}" in API group "${req.group}" ${scope}`;
  return failure(403, 'Forbidden', message, detailsFor(gr, req.name));
}

export function unauthorized(): KubeApiError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export interface FieldProblem {
  field: string;
  /** `FieldValueInvalid`, `FieldValueRequired`, … (the apiserver's cause types). */
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden';
  value?: unknown;
  detail: string;
}

function describeProblem(p: FieldProblem): string {
  switch (p.type) {
    case 'FieldValueRequired':
      return `Required value: ${p.detail}`;
    case 'FieldValueForbidden':
      return `Forbidden: ${p.detail}`;
    case 'FieldValueInvalid':
      return `Invalid value: ${typeof p.value === 'string' ? JSON.stringify(p.value) : String(p.value)}: ${p.detail}`;
  }
}

/** 422 Invalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be …`. */
export function invalid(
  kind: string,
  group: string,
  name: string,
  problems: FieldProblem[],
): KubeApiError {
  const qualifiedKind = group === '' ? kind : `${kind}.${group}`;
  const parts = problems.map((p) => `${p.field}: ${describeProblem(p)}`);
  const summary = parts.length === 1 ? (parts[0] ?? '') : `[${parts.join(', ')}]`;
  const details: StatusDetails = {
    name,
    kind,
    causes: problems.map((p) => ({ reason: p.type, message: describeProblem(p), field: p.field })),
  };
  if (group !== '') details.group = group;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, details);
}

export function badRequest(message: string): KubeApiError {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): KubeApiError {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function unsupportedMediaType(
  contentType: string,
  accepted: readonly string[],
): KubeApiError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    contentType === ''
      ? {}
      : { causes: [{ reason: 'UnexpectedHeader', message: contentType, field: 'Content-Type' }] },
  );
}

export function expired(message: string): KubeApiError {
  return failure(410, 'Expired', message);
}

/** An error the apiserver raises without a Status reason (it logs "received an error that is not an metav1.Status"). */
export function internalUnknown(message: string): KubeApiError {
  return failure(500, undefined, message);
}

export function internalError(message: string): KubeApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{ reason: '', message, field: '' }],
  });
}

export function tooManyRequests(retryAfterSeconds: number): KubeApiError {
  const err = failure(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    retryAfterSeconds,
  });
  err.headers['Retry-After'] = String(retryAfterSeconds);
  return err;
}

export function serviceUnavailable(message: string): KubeApiError {
  return failure(503, 'ServiceUnavailable', message);
}

export function gatewayTimeout(message: string): KubeApiError {
  return failure(504, 'Timeout', message);
}

export function success(gr: GroupResource, name: string, uid: string): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { ...detailsFor(gr, name), uid },
  };
}

/** 409 of a server-side apply that would take fields other managers own (without force). */
export function applyConflict(
  conflicts: ReadonlyArray<{ manager: string; field: string }>,
  apiVersion: string,
): KubeApiError {
  const causes = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}" using ${apiVersion}`,
    field: c.field,
  }));
  const head =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: ${causes[0]?.message ?? ''}: ${conflicts[0]?.field ?? ''}`
      : `Apply failed with ${conflicts.length} conflicts: ${causes.map((c) => `${c.message}: ${c.field}`).join('\n')}`;
  return failure(409, 'Conflict', head, { causes });
}
