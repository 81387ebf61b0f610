import { CONTENT_TYPES } from '../../server/static-files';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../../server/api-handler';

/**
 * The window loads the built renderer from `app://hibernator/`, not file://: a standard, secure
 * scheme gives the page a real origin (so the CSP's 'self' means our files only, and fetch/
 * storage behave as on https), and the handler below decides what exists, with the CSP header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hibernator';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** True for URLs of our own pages (the IPC bridge only answers these). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves one request from the built renderer: GET/HEAD only, never outside `rootDir`, and paths
 * without an extension fall back to index.html (client-side routes). A missing asset is a 404,
 * not the index page, so a broken build fails loudly.
 */
export async function handleAppRequest(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return textResponse(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return textResponse(400, 'bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return textResponse(404, 'not found');
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return textResponse(400, 'bad request');
  }
  const base = resolve(rootDir);
  let file = normalize(join(base, relative));
  if (file !== base && !file.startsWith(base + sep)) return textResponse(403, 'forbidden');
  if (!(await isFile(file))) {
    if (extname(file) !== '') return textResponse(404, 'not found');
    file = join(base, 'index.html');
    if (!(await isFile(file)))
      return textResponse(
        503,
        'The Hibernator UI is not built. Run `npm run build`, then start the app again.',
      );
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    },
  });
}
