/**
 * URL → what it addresses, following the apiserver's path layout:
 * `/api/v1/...` (core) and `/apis/<group>/<version>/...`, then
 * `[namespaces/<ns>/]<resource>[/<name>[/<subresource>]]`.
 */
import type { ResourceRegistry } from './resources';
import type { ResourceDef } from './types';

export type Route =
  | { type: 'health' }
  | { type: 'version' }
  | { type: 'openapi'; path: string }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'resource'; def: ResourceDef; namespace?: string; name?: string; subresource?: string }
  | { type: 'notFound' };

function resourceRoute(
  registry: ResourceRegistry,
  group: string,
  version: string,
  rest: string[],
): Route {
  const [first, second, third, fourth, fifth, ...extra] = rest;
  if (first === undefined || extra.length > 0) return { type: 'notFound' };
  if (first === 'namespaces' && second !== undefined && third !== undefined) {
    const def = registry.find(group, version, third);
    if (def !== undefined && def.namespaced) {
      const route: Route = { type: 'resource', def, namespace: second };
      if (fourth !== undefined) route.name = fourth;
      if (fifth !== undefined) route.subresource = fifth;
      return route;
    }
  }
  const def = registry.find(group, version, first);
  if (def === undefined || fourth !== undefined) return { type: 'notFound' };
  // A namespaced resource outside /namespaces/<ns>/ can only be listed (across all namespaces).
  if (def.namespaced && second !== undefined) return { type: 'notFound' };
  const route: Route = { type: 'resource', def };
  if (second !== undefined) route.name = second;
  if (third !== undefined) route.subresource = third;
  return route;
}

export function resolveRoute(registry: ResourceRegistry, pathname: string): Route {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (trimmed === '/healthz' || trimmed === '/livez' || trimmed === '/readyz')
    return { type: 'health' };
  if (trimmed === '/version') return { type: 'version' };
  if (trimmed === '/openapi/v2' || trimmed === '/openapi/v3' || trimmed.startsWith('/openapi/v3/'))
    return { type: 'openapi', path: trimmed };
  const segments = trimmed
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeURIComponent);
  const [root, a, b, ...rest] = segments;
  if (root === 'api') {
    if (a === undefined) return { type: 'api' };
    if (a !== 'v1') return { type: 'notFound' };
    if (b === undefined) return { type: 'groupVersion', group: '', version: 'v1' };
    return resourceRoute(registry, '', 'v1', [b, ...rest]);
  }
  if (root === 'apis') {
    if (a === undefined) return { type: 'apis' };
    if (b === undefined) return { type: 'group', group: a };
    if (!registry.hasGroupVersion(a, b)) return { type: 'notFound' };
    if (rest.length === 0) return { type: 'groupVersion', group: a, version: b };
    return resourceRoute(registry, a, b, rest);
  }
  return { type: 'notFound' };
}
