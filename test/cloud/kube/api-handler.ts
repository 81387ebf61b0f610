/**
 * One Kubernetes API request, from parsed HTTP parts to a response: authentication, call
 * counting, injected faults, authorization, then discovery or the resource operation.
 */
import type { TokenAuthority } from './auth';
import type { KubeCluster, PatchType } from './cluster';
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
  KubeApiError,
  methodNotAllowed,
  pathNotFound,
  unsupportedMediaType,
} from './status';
import { toTable, type IncludeObject } from './table';
import { groupVersion, type KubeObject, type ResourceDef } from './types';

export interface ApiRequest {
  method: string;
  url: URL;
  headers: { authorization?: string; accept?: string; contentType?: string };
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
}

export interface ApiContext {
  cluster: KubeCluster;
  auth: TokenAuthority;
  faults: FaultInjector;
  calls: CallCounter;
  serverAddress: string;
  sleep(ms: number): Promise<void>;
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
): PatchType {
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'application/merge-patch+json') return 'merge';
  if (media === 'application/json-patch+json') return 'json';
  // Strategic merge needs Go struct tags: built-in types and the (built-in) Scale subresource only.
  const strategic = def.builtin || subresource === 'scale';
  if (media === 'application/strategic-merge-patch+json' && strategic) return 'strategic';
  const accepted = [
    'application/json-patch+json',
    'application/merge-patch+json',
    ...(strategic ? ['application/strategic-merge-patch+json'] : []),
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

function stripTypeMeta(obj: KubeObject): JsonObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
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
      return {
        status: 200,
        body: cluster.patchScale(def, namespace, name, type, parseBody(req.body), dryRun),
      };
    }
    throw methodNotAllowed();
  }
  switch (verb) {
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
      return { status: 201, body: cluster.create(def, namespace, parseBody(req.body), dryRun) };
    case 'update':
      return {
        status: 200,
        body: cluster.update(def, namespace, name ?? '', parseBody(req.body), dryRun),
      };
    case 'patch': {
      const type = patchType(req.headers.contentType ?? '', def, undefined);
      return {
        status: 200,
        body: cluster.patch(def, namespace, name ?? '', type, parseBody(req.body), dryRun),
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
