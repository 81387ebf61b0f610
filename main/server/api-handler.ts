import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { httpStatusFor } from '../../shared/api/errors';
import { redactSecrets } from '../../shared/security/redact-secrets';
import type { HibernatorEvent } from '../../shared/api/events';
import type { ApiCaller } from '../../shared/api/contract';
import type { DispatchResult } from '../engine';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { serveStatic } from './static-files';

export interface ApiHost {
  call(method: string, input: unknown, caller?: ApiCaller): Promise<DispatchResult>;
  subscribe(listener: (event: HibernatorEvent) => void): () => void;
}

export interface HandlerOptions {
  host: ApiHost;
  /** null = no token (the owner-only local socket). */
  token: string | null;
  /** Directory of the built renderer, or null to serve the API only. */
  staticDir: string | null;
  /** Accepted Host headers (DNS-rebinding guard); null = any (local socket). */
  allowedHosts: ReadonlySet<string> | null;
  /** Who calls through this endpoint (recorded on manual overrides): `cli` on the local socket, `api` for serve. */
  caller: ApiCaller;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const SSE_KEEPALIVE_MS = 25_000;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** The host's own errors quote what it was sent (a JSON parser's excerpt): redacted like the engine's. */
function sendError(res: ServerResponse, code: string, message: string): void {
  sendJson(res, httpStatusFor(code), {
    ok: false,
    error: { code, message: redactSecrets(message) },
  });
}

function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function presentedToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  // EventSource cannot set headers: the event stream takes the token as a query parameter.
  if (url.pathname === '/api/events') return url.searchParams.get('token');
  return null;
}

/** Past this the client is cut off: draining a runaway upload is not worth the bandwidth. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

type Body = { kind: 'read'; text: string } | { kind: 'too-large' };

/**
 * Reads the body up to MAX_BODY_BYTES. A larger body is drained and dropped rather than cut off,
 * so the client receives the 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let chunks: Buffer[] | null = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) chunks = null;
      else chunks?.push(chunk);
    });
    req.on('end', () =>
      resolve(
        chunks
          ? { kind: 'read', text: Buffer.concat(chunks).toString('utf8') }
          : { kind: 'too-large' },
      ),
    );
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection mid-body'));
    });
  });
}

/**
 * HTTP JSON API (`POST /api/<method>`), server-sent events (`GET /api/events`) and the built
 * renderer. Shared by `serve` (127.0.0.1 + token) and the engine's owner-only local socket.
 */
export function createApiHandler(
  options: HandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(options, req, res).catch(() => {
      if (!res.headersSent) sendError(res, 'INTERNAL', 'The request failed unexpectedly.');
      else res.end();
    });
  };
}

async function handle(
  options: HandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (options.allowedHosts && !options.allowedHosts.has(req.headers.host ?? '')) {
    sendJson(res, 421, {
      ok: false,
      error: { code: 'BAD_HOST', message: 'Hibernator answers only on 127.0.0.1 / localhost.' },
    });
    return;
  }
  if (url.pathname === '/api/health') {
    sendJson(res, 200, { ok: true });
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (options.token !== null && !tokenMatches(options.token, presentedToken(req, url))) {
      sendError(
        res,
        'UNAUTHORIZED',
        'Missing or wrong token: open the URL that `hibernator serve` printed, or send Authorization: Bearer <token>.',
      );
      return;
    }
    if (url.pathname === '/api/events') {
      streamEvents(options.host, req, res);
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, {
        ok: false,
        error: {
          code: 'METHOD_NOT_ALLOWED',
          message: 'API methods are called with POST and a JSON body.',
        },
      });
      return;
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      // A broken percent-encoding is the caller's mistake, not a server error.
      sendError(res, 'INVALID_INPUT', 'The request path has a broken percent-encoding.');
      return;
    }
    const body = await readBody(req);
    if (body.kind === 'too-large') {
      sendJson(res, 413, {
        ok: false,
        error: {
          code: 'TOO_LARGE',
          message: `The request body is larger than ${MAX_BODY_BYTES} bytes (5 MB): split the YAML into several files and import them one by one.`,
        },
      });
      return;
    }
    const raw = body.text;
    let input: unknown = {};
    if (raw.trim() !== '') {
      try {
        input = JSON.parse(raw);
      } catch (error) {
        sendError(
          res,
          'INVALID_INPUT',
          `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
        );
        return;
      }
    }
    const result = await options.host.call(method, input, options.caller);
    if (result.ok) sendJson(res, 200, result);
    else sendJson(res, httpStatusFor(result.error.code), result);
    return;
  }
  if (!options.staticDir) {
    sendError(res, 'NOT_FOUND', 'Not found.');
    return;
  }
  serveStatic(options.staticDir, url.pathname, req, res, SECURITY_HEADERS);
}

function streamEvents(host: ApiHost, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write('retry: 2000\n\n');
  const unsubscribe = host.subscribe((event) => {
    res.write(`event: hibernator\ndata: ${JSON.stringify(event)}\n\n`);
  });
  // Keeps proxies and idle sockets from closing the stream; runs only while a client listens.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
  keepAlive.unref();
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
