import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Links that may leave the app for the OS browser: https only, without credentials in the URL.
 * Everything else (file:, javascript:, custom schemes, http) is dropped, so a compromised page
 * cannot use the browser or another app as a way out.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.hostname !== ''
    );
  } catch {
    return false;
  }
}

/**
 * The window never navigates away from app://hibernator and never opens another window: links
 * to https pages open in the OS browser, everything else is refused. Applied to every
 * webContents the app creates (../desktop-app.ts, 'web-contents-created').
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const refuse = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications-from-page, geolocation, USB, HID, serial: the UI needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
