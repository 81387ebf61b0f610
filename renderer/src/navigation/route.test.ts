import { describe, expect, it } from 'vitest';
import { type Route, formatRoute, parseRoute } from './route';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'plans' }],
    ['#/', { view: 'plans' }],
    ['#/plans/demo', { view: 'plan', name: 'demo', tab: 'overview' }],
    ['#/plans/demo/restore', { view: 'plan', name: 'demo', tab: 'restore' }],
    ['#/plans/new', { view: 'plan', name: 'new', tab: 'overview' }],
    ['#/plans/demo/edit', { view: 'plan-edit', name: 'demo' }],
    ['#/new-plan', { view: 'plan-new' }],
    ['#/new-exception?plan=demo', { view: 'exception-edit', name: null, plan: 'demo' }],
    ['#/connections/aws-dev', { view: 'connection-edit', name: 'aws-dev' }],
    ['#/plans/demo/nonsense', { view: 'not-found', path: '/plans/demo/nonsense' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes every route so that reading it back gives the same route', () => {
    const routes: Route[] = [
      { view: 'plans' },
      { view: 'plan', name: 'my.plan', tab: 'history' },
      { view: 'plan-edit', name: 'demo' },
      { view: 'plan-new' },
      { view: 'import' },
      { view: 'exceptions' },
      { view: 'exception-edit', name: 'demo-skip' },
      { view: 'exception-edit', name: null, plan: 'demo' },
      { view: 'connections' },
      { view: 'connection-edit', name: null },
      { view: 'activity' },
      { view: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });
});
