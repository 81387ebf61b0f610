/**
 * One Kubernetes API request, from parsed HTTP parts to a response: authentication, call
 * counting, injected faults, authorization, then discovery or the resource operation.
 */
import type { TokenAuthority } from './auth';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_MANAGER, type KubeCluster, type PatchType } from './cluster';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery';
import type { CallCounter, FaultDecision, FaultInjector } from './faults';
import type { JsonObject } from './json';
import { parseListQuery } from './list-query';
import {
  OPENAPI_V2_PROTOBUF,
  openApiV2Json,
  openApiV2Protobuf,
  openApiV3ForPath,
  openApiV3Root,
} from './openapi';
import { resolveRoute, type Route } from './routes';
import {
  badRequest,
  failure,
  KubeApiError,
  methodNotAllowed,
  pathNotFound,
  unsupportedMediaType,
} from './status';
import { toTable, type IncludeObject } from './table';
import { groupVersion, type KubeObject, type ResourceDef } from './types';
import { prepareWatch, type WatchSink, type WatchTiming } from './watch';

const APPLY_PATCH = 'application/apply-patch+yaml';

export interface ApiRequest {
  method: string;
  url: URL;
  headers: { authorization?: string; accept?: string; contentType?: string; userAgent?: string };
  body: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Plain text answers (health checks). */
  text?: boolean;
  /** A binary answer (protobuf OpenAPI v2) with its media type. */
  raw?: { contentType: string; data: Buffer };
  /** A watch: the HTTP layer answers 200 and streams events; the function returned stops it. */
  stream?: (sink: WatchSink) => () => void;
}

export interface ApiContext {
  cluster: KubeCluster;
  auth: TokenAuthority;
  faults: FaultInjector;
  calls: CallCounter;
  serverAddress: string;
  sleep(ms: number): Promise<void>;
  watchTiming: WatchTiming;
}

function verbFor(method: string, route: Extract<Route, { type: 'resource' }>, url: URL): string {
  switch (method) {
    case 'GET':
      if (route.name !== undefined) return 'get';
      return url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1'
        ? 'watch'
        : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route.name === undefined ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}

function patchType(
  contentType: string,
  def: ResourceDef,
  subresource: string | undefined,
): PatchType | 'apply' {
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === APPLY_PATCH && subresource === undefined) return 'apply';
  if (media === 'application/merge-patch+json') return 'merge';
  if (media === 'application/json-patch+json') return 'json';
  // Strategic merge needs Go struct tags: built-in types and the (built-in) Scale subresource only.
  const strategic = def.builtin || subresource === 'scale';
  if (media === 'application/strategic-merge-patch+json' && strategic) return 'strategic';
  const accepted = [
    'application/json-patch+json',
    'application/merge-patch+json',
    ...(strategic ? ['application/strategic-merge-patch+json'] : []),
    ...(subresource === undefined ? [APPLY_PATCH] : []),
  ];
  throw unsupportedMediaType(contentType, accepted);
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch (err) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** An apply body is YAML (JSON is YAML too). */
function parseApplyBody(body: string): unknown {
  try {
    return parseYaml(body) as unknown;
  } catch (err) {
    throw badRequest(`error decoding YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Whom a write is recorded for: `fieldManager`, else the client's user agent, as the apiserver does. */
function managerOf(req: ApiRequest): string {
  const named = req.url.searchParams.get('fieldManager');
  if (named !== null && named !== '') return named;
  const agent = req.headers.userAgent?.split('/')[0]?.trim();
  return agent === undefined || agent === '' ? DEFAULT_MANAGER : agent;
}

function stripTypeMeta(obj: KubeObject): JsonObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** 422 for PatchOptions the apiserver refuses (`fieldManager: Required value: …`). */
function invalidPatchOptions(field: string, kind: string, detail: string): KubeApiError {
  return failure(
    422,
    'Invalid',
    `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${kind}: ${detail}`,
    {
      group: 'meta.k8s.io',
      kind: 'PatchOptions',
      causes: [
        {
          reason: kind === 'Required value' ? 'FieldValueRequired' : 'FieldValueForbidden',
          message: `${kind}: ${detail}`,
          field,
        },
      ],
    },
  );
}

function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept);
}

function includeObject(url: URL): IncludeObject {
  const v = url.searchParams.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function resourceOperation(
  ctx: ApiContext,
  req: ApiRequest,
  route: Extract<Route, { type: 'resource' }>,
  verb: string,
  ignoreSelectors: boolean,
): ApiResponse {
  const { cluster } = ctx;
  const { def, namespace, name, subresource } = route;
  const dryRun = req.url.searchParams.getAll('dryRun').includes('All');
  const now = cluster.options.clock.now();
  if (subresource === 'status' && name !== undefined) {
    if (verb === 'get') return { status: 200, body: cluster.get(def, namespace, name) };
    if (verb === 'update')
      return {
        status: 200,
        body: cluster.updateStatus(def, namespace, name, parseBody(req.body), dryRun),
      };
    if (verb === 'patch') {
      const type = patchType(req.headers.contentType ?? '', def, subresource);
      if (type === 'apply') throw pathNotFound();
      return {
        status: 200,
        body: cluster.patchStatus(def, namespace, name, type, parseBody(req.body), dryRun),
      };
    }
    throw methodNotAllowed();
  }
  if (subresource !== undefined) {
    if (subresource !== 'scale' || name === undefined) throw pathNotFound();
    if (verb === 'get') return { status: 200, body: cluster.getScale(def, namespace, name) };
    if (verb === 'update')
      return {
        status: 200,
        body: cluster.updateScale(def, namespace, name, parseBody(req.body), dryRun),
      };
    if (verb === 'patch') {
      const type = patchType(req.headers.contentType ?? '', def, subresource);
      if (type === 'apply') throw pathNotFound();
      return {
        status: 200,
        body: cluster.patchScale(def, namespace, name, type, parseBody(req.body), dryRun),
      };
    }
    throw methodNotAllowed();
  }
  const manager = managerOf(req);
  switch (verb) {
    case 'watch': {
      const watch = prepareWatch({ def, namespace, params: req.url.searchParams });
      return {
        status: 200,
        body: null,
        stream: (sink) => watch.start(cluster, sink, ctx.watchTiming),
      };
    }
    case 'list': {
      const query = parseListQuery(req.url.searchParams);
      // The `ignoreSelectors` fault: the selectors are parsed (and validated) but not applied.
      const page = cluster.list(
        def,
        namespace,
        ignoreSelectors ? { ...query, labels: [], fields: [] } : query,
      );
      const metadata: JsonObject = { resourceVersion: page.resourceVersion };
      if (page.continue !== undefined) metadata.continue = page.continue;
      if (page.remainingItemCount !== undefined)
        metadata.remainingItemCount = page.remainingItemCount;
      if (wantsTable(req.headers.accept))
        return {
          status: 200,
          body: toTable(def, page.items, metadata, includeObject(req.url), now),
        };
      const items = def.builtin ? page.items.map(stripTypeMeta) : page.items;
      return {
        status: 200,
        body: { kind: def.listKind, apiVersion: groupVersion(def), metadata, items },
      };
    }
    case 'get': {
      const obj = cluster.get(def, namespace, name ?? '');
      if (wantsTable(req.headers.accept))
        return {
          status: 200,
          body: toTable(
            def,
            [obj],
            { resourceVersion: obj.metadata.resourceVersion },
            includeObject(req.url),
            now,
          ),
        };
      return { status: 200, body: obj };
    }
    case 'create':
      if (name !== undefined) throw methodNotAllowed();
      return {
        status: 201,
        body: cluster.create(def, namespace, parseBody(req.body), dryRun, manager),
      };
    case 'update':
      return {
        status: 200,
        body: cluster.update(def, namespace, name ?? '', parseBody(req.body), dryRun, manager),
      };
    case 'patch': {
      const type = patchType(req.headers.contentType ?? '', def, undefined);
      const force = req.url.searchParams.get('force');
      if (type !== 'apply' && force !== null)
        throw invalidPatchOptions('force', 'Forbidden', 'may not be specified for non-apply patch');
      if (type === 'apply') {
        const fieldManager = req.url.searchParams.get('fieldManager');
        if (fieldManager === null || fieldManager === '')
          throw invalidPatchOptions(
            'fieldManager',
            'Required value',
            'is required for apply patch',
          );
        const result = cluster.apply(def, namespace, name ?? '', parseApplyBody(req.body), {
          manager: fieldManager,
          force: force === 'true',
          dryRun,
        });
        return { status: result.created ? 201 : 200, body: result.object };
      }
      return {
        status: 200,
        body: cluster.patch(def, namespace, name ?? '', type, parseBody(req.body), dryRun, manager),
      };
    }
    case 'delete':
      return {
        status: 200,
        body: cluster.delete(def, namespace, name ?? '', parseBody(req.body), dryRun),
      };
    default:
      throw methodNotAllowed();
  }
}

function discovery(ctx: ApiContext, route: Route, accept: string | undefined): ApiResponse {
  const registry = ctx.cluster.registry;
  let doc: JsonObject | undefined;
  if (route.type === 'openapi' && route.path === '/openapi/v2') {
    if (accept?.includes('protobuf') === true)
      return {
        status: 200,
        body: null,
        raw: { contentType: OPENAPI_V2_PROTOBUF, data: openApiV2Protobuf() },
      };
    return { status: 200, body: openApiV2Json() };
  }
  if (route.type === 'openapi')
    doc =
      route.path === '/openapi/v3'
        ? openApiV3Root(registry)
        : openApiV3ForPath(registry, route.path);
  else if (route.type === 'api') doc = apiVersions(ctx.serverAddress);
  else if (route.type === 'apis') doc = apiGroupList(registry);
  else if (route.type === 'group') doc = apiGroup(registry, route.group);
  else if (route.type === 'groupVersion')
    doc = apiResourceList(registry, route.group, route.version);
  if (doc === undefined) throw pathNotFound();
  return { status: 200, body: doc };
}

async function dispatch(ctx: ApiContext, req: ApiRequest): Promise<ApiResponse> {
  const route = resolveRoute(ctx.cluster.registry, req.url.pathname);
  if (route.type === 'health') return { status: 200, body: 'ok', text: true };
  if (route.type === 'version') return { status: 200, body: SERVER_VERSION };
  const grant = ctx.auth.authenticate(req.headers.authorization);
  if (route.type === 'notFound') throw pathNotFound();
  ctx.cluster.tick();
  if (route.type !== 'resource') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const operation = `get ${req.url.pathname}`;
    ctx.calls.record(operation);
    await applyFaults(ctx, operation);
    return discovery(ctx, route, req.headers.accept);
  }
  const verb = verbFor(req.method, route, req.url);
  const operation = `${verb} ${route.def.plural}${route.subresource === undefined ? '' : `/${route.subresource}`}`;
  ctx.calls.record(operation);
  const { ignoreSelectors } = await applyFaults(ctx, operation);
  const attrs = {
    verb,
    group: route.def.group,
    resource: route.def.plural,
    ...(route.subresource === undefined ? {} : { subresource: route.subresource }),
    ...(route.namespace === undefined ? {} : { namespace: route.namespace }),
    ...(route.name === undefined ? {} : { name: route.name }),
  };
  ctx.auth.authorize(grant, attrs);
  const response = resourceOperation(ctx, req, route, verb, ignoreSelectors === true);
  // A write may have been made due at once (zero delays); fold it in before answering reads.
  ctx.cluster.tick();
  return response;
}

async function applyFaults(ctx: ApiContext, operation: string): Promise<FaultDecision> {
  const decision = ctx.faults.decide(operation);
  if (decision.latencyMs > 0) await ctx.sleep(decision.latencyMs);
  if (decision.error !== undefined) throw decision.error;
  return decision;
}

export async function handleApiRequest(ctx: ApiContext, req: ApiRequest): Promise<ApiResponse> {
  try {
    return await dispatch(ctx, req);
  } catch (err) {
    if (err instanceof KubeApiError)
      return { status: err.code, body: err.body, headers: err.headers };
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: 500,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `Internal error occurred: ${message}`,
        reason: 'InternalError',
        code: 500,
      },
    };
  }
}
