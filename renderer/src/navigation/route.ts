export const PLAN_TABS = ['overview', 'targets', 'restore', 'history', 'yaml'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export type Route =
  | { view: 'plans' }
  | { view: 'plan'; name: string; tab: PlanTab }
  | { view: 'plan-edit'; name: string }
  | { view: 'plan-new' }
  | { view: 'import' }
  | { view: 'exceptions' }
  | { view: 'exception-edit'; name: string | null; plan?: string }
  | { view: 'connections' }
  | { view: 'connection-edit'; name: string | null }
  | { view: 'activity' }
  | { view: 'settings' }
  | { view: 'not-found'; path: string };

function isTab(value: string | undefined): value is PlanTab {
  return PLAN_TABS.some((t) => t === value);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Routes live in the URL fragment: it works the same in Electron (file/app URL) and behind
 * `serve`, and a reload keeps the page. "New" pages have their own top-level words because
 * "new" is a valid plan name.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?');
  const parts = pathPart
    .split('/')
    .filter((p) => p !== '')
    .map(decode);
  const params = new URLSearchParams(query);
  const [head, second, third] = parts;
  switch (head) {
    case undefined:
    case 'plans':
      if (second === undefined) return { view: 'plans' };
      if (third === 'edit' && parts.length === 3) return { view: 'plan-edit', name: second };
      if (third === undefined) return { view: 'plan', name: second, tab: 'overview' };
      if (isTab(third) && parts.length === 3) return { view: 'plan', name: second, tab: third };
      break;
    case 'new-plan':
      if (parts.length === 1) return { view: 'plan-new' };
      break;
    case 'import':
      if (parts.length === 1) return { view: 'import' };
      break;
    case 'exceptions':
      if (second === undefined) return { view: 'exceptions' };
      if (parts.length === 2) return { view: 'exception-edit', name: second };
      break;
    case 'new-exception': {
      const plan = params.get('plan');
      if (parts.length === 1)
        return plan
          ? { view: 'exception-edit', name: null, plan }
          : { view: 'exception-edit', name: null };
      break;
    }
    case 'connections':
      if (second === undefined) return { view: 'connections' };
      if (parts.length === 2) return { view: 'connection-edit', name: second };
      break;
    case 'new-connection':
      if (parts.length === 1) return { view: 'connection-edit', name: null };
      break;
    case 'activity':
      if (parts.length === 1) return { view: 'activity' };
      break;
    case 'settings':
      if (parts.length === 1) return { view: 'settings' };
      break;
  }
  return { view: 'not-found', path: raw };
}

export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'plans':
      return '#/plans';
    case 'plan':
      return route.tab === 'overview'
        ? `#/plans/${e(route.name)}`
        : `#/plans/${e(route.name)}/${route.tab}`;
    case 'plan-edit':
      return `#/plans/${e(route.name)}/edit`;
    case 'plan-new':
      return '#/new-plan';
    case 'import':
      return '#/import';
    case 'exceptions':
      return '#/exceptions';
    case 'exception-edit':
      if (route.name) return `#/exceptions/${e(route.name)}`;
      return route.plan ? `#/new-exception?plan=${e(route.plan)}` : '#/new-exception';
    case 'connections':
      return '#/connections';
    case 'connection-edit':
      return route.name ? `#/connections/${e(route.name)}` : '#/new-connection';
    case 'activity':
      return '#/activity';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** The sidebar item a route belongs to. */
export function sectionOf(
  route: Route,
): 'plans' | 'exceptions' | 'connections' | 'activity' | 'settings' | null {
  switch (route.view) {
    case 'plans':
    case 'plan':
    case 'plan-edit':
    case 'plan-new':
    case 'import':
      return 'plans';
    case 'exceptions':
    case 'exception-edit':
      return 'exceptions';
    case 'connections':
    case 'connection-edit':
      return 'connections';
    case 'activity':
      return 'activity';
    case 'settings':
      return 'settings';
    case 'not-found':
      return null;
  }
}
