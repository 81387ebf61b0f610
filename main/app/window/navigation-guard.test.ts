import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, guardWebContents, isSafeExternalUrl } from './navigation-guard';
import { FakeWebContents, fakeEvent } from '../test-support/fake-electron';

function guarded() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  guardWebContents(contents as unknown as WebContents, (url) => opened.push(url));
  return { contents, opened };
}

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://docs.aws.amazon.com/cli/latest/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.com/', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s -> %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('guardWebContents', () => {
  it('lets the app navigate within app://hibernator', () => {
    const { contents, opened } = guarded();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://hibernator/#/plans/dev-env');
    expect(event.defaultPrevented).toBe(false);
    expect(opened).toEqual([]);
  });

  it('stops navigation elsewhere and sends https links to the OS browser', () => {
    const { contents, opened } = guarded();
    const https = fakeEvent();
    contents.emit('will-navigate', https, 'https://github.com/');
    const file = fakeEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'http://evil.example/');
    expect([https.defaultPrevented, file.defaultPrevented, redirect.defaultPrevented]).toEqual([
      true,
      true,
      true,
    ]);
    expect(opened).toEqual(['https://github.com/']);
  });

  it('never opens a new window', () => {
    const { contents, opened } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://hibernator/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses webviews', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const seen: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (seen.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (seen.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (seen.device = h),
    };
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    seen.request?.({}, 'media', (granted: boolean) => answers.push(granted));
    seen.request?.({}, 'notifications', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(seen.check?.({}, 'clipboard-read')).toBe(false);
    expect(seen.device?.({})).toBe(false);
  });
});
