/**
 * Just enough OpenAPI for kubectl. kubectl create/apply first ask /openapi/v3 whether the PATCH
 * operation of the object's kind takes the `fieldValidation` query parameter; when it does they
 * leave validation to the server instead of downloading schemas. The documents therefore list,
 * per resource, a PATCH operation tagged with `x-kubernetes-group-version-kind`, that parameter,
 * and the patch media types the resource really accepts (no strategic merge for custom
 * resources, which makes kubectl apply choose a JSON merge patch, as against a real cluster).
 * /openapi/v2 (protobuf, for older kubectl) is an empty but valid document: kubectl skips
 * client-side validation of kinds it has no schema for.
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from './json';
import type { ResourceRegistry } from './resources';
import type { ResourceDef } from './types';

function gvPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

function groupVersions(registry: ResourceRegistry): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const d of registry.all())
    seen.set(gvPath(d.group, d.version), { group: d.group, version: d.version });
  return [...seen.values()];
}

function patchOperation(def: ResourceDef, subresource: boolean): JsonObject {
  const media = [
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/apply-patch+yaml',
  ];
  // Kubernetes lists strategic merge for built-in kinds; kubectl builds such a patch only from a
  // full v3 schema, so it is left out here and kubectl falls back to its compiled-in types.
  const content = Object.fromEntries(media.map((m) => [m, { schema: { type: 'object' } }]));
  const gvk = subresource
    ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
    : { group: def.group, version: def.version, kind: def.kind };
  return {
    operationId: `patch${def.kind}${subresource ? 'Scale' : ''}`,
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': gvk,
    parameters: [
      { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
    ],
    requestBody: { content, required: true },
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  };
}

export function openApiV3Document(
  registry: ResourceRegistry,
  group: string,
  version: string,
): JsonObject | undefined {
  const defs = registry
    .all()
    .filter((d) => d.group === group && d.version === version && d.readOnlyView === undefined);
  if (!registry.hasGroupVersion(group, version)) return undefined;
  const paths: JsonObject = {};
  for (const def of defs) {
    const base = `/${gvPath(group, version)}${def.namespaced ? '/namespaces/{namespace}' : ''}/${def.plural}/{name}`;
    paths[base] = { patch: patchOperation(def, false) };
    if (def.scale !== undefined) paths[`${base}/scale`] = { patch: patchOperation(def, true) };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.31.4' },
    paths,
    components: { schemas: {} },
  };
}

export function openApiV3Root(registry: ResourceRegistry): JsonObject {
  const paths: JsonObject = {};
  for (const { group, version } of groupVersions(registry)) {
    const doc = JSON.stringify(openApiV3Document(registry, group, version) ?? {});
    const hash = createHash('sha512').update(doc).digest('hex').slice(0, 32).toUpperCase();
    paths[gvPath(group, version)] = {
      serverRelativeURL: `/openapi/v3/${gvPath(group, version)}?hash=${hash}`,
    };
  }
  return { paths };
}

/** Resolves `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`. */
export function openApiV3ForPath(
  registry: ResourceRegistry,
  pathname: string,
): JsonObject | undefined {
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))\/?$/.exec(pathname);
  if (m === null) return undefined;
  const [, coreVersion, group, version] = m;
  if (coreVersion !== undefined) return openApiV3Document(registry, '', coreVersion);
  if (group === undefined || version === undefined) return undefined;
  return openApiV3Document(registry, group, version);
}

// Requested as `...spec.v2@v1.0+protobuf`, answered without the `@`, which Go's mime parser rejects.
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function protoString(field: number, value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([Buffer.from([(field << 3) | 2, bytes.length]), bytes]);
}

/** gnostic openapi_v2.Document { swagger = 1; info = 2 { title = 1; version = 2 } }. */
export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([protoString(1, 'Kubernetes'), protoString(2, 'v1.31.4')]);
  return Buffer.concat([protoString(1, '2.0'), Buffer.from([(2 << 3) | 2, info.length]), info]);
}

export function openApiV2Json(): JsonObject {
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.31.4' },
    paths: {},
    definitions: {},
  };
}
