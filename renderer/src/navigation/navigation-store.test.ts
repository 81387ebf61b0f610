// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type Navigation, createNavigation } from './navigation-store';

let nav: Navigation | null = null;
afterEach(() => {
  nav?.stop();
  nav = null;
  window.history.replaceState(null, '', '#/');
});

function changeHash(hash: string): void {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('navigation guard', () => {
  it('follows links when nothing is unsaved', () => {
    nav = createNavigation(window);
    changeHash('#/settings');
    expect(nav.store.getState().route).toEqual({ view: 'settings' });
  });

  it('asks before leaving unsaved changes through a link, and puts the URL back', () => {
    nav = createNavigation(window);
    nav.store.getState().navigate({ view: 'plan-new' });
    nav.store.getState().setUnsaved('the plan editor');
    changeHash('#/settings');
    expect(nav.store.getState().route).toEqual({ view: 'plan-new' });
    expect(nav.store.getState().pending).toEqual({ view: 'settings' });
    expect(window.location.hash).toBe('#/new-plan');
  });

  it('goes on only after the user confirms, and stays when they cancel', () => {
    nav = createNavigation(window);
    nav.store.getState().setUnsaved('the plan editor');
    nav.store.getState().navigate({ view: 'activity' });
    nav.store.getState().cancelLeave();
    expect(nav.store.getState().route).toEqual({ view: 'plans' });
    nav.store.getState().navigate({ view: 'activity' });
    nav.store.getState().confirmLeave();
    expect(nav.store.getState().route).toEqual({ view: 'activity' });
    expect(nav.store.getState().unsaved).toBeNull();
    expect(window.location.hash).toBe('#/activity');
  });
});
