import { createHash } from 'node:crypto';
import { existsSync, rmSync, chmodSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { formatHumanDuration } from '../../shared/time/duration';
import type { DispatchResult } from '../engine';
import { localUser } from '../engine/basics';
import type { ApiCaller } from '../../shared/api/contract';
import { createApiHandler, type ApiHost } from './api-handler';

/** The engine's local endpoint: a socket file in the data dir (owner-only), a named pipe on Windows. */
export function localSocketPath(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') {
    const id = createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 16);
    return `\\\\.\\pipe\\hibernator-${id}`;
  }
  return join(dataDir, 'engine.sock');
}

export interface LocalSocket {
  path: string;
  close(): Promise<void>;
}

/** Every running engine answers the API here, so CLI commands reach it instead of opening the database. */
export async function startLocalSocket(host: ApiHost, dataDir: string): Promise<LocalSocket> {
  const path = localSocketPath(dataDir);
  // Only the lock holder gets here, so a socket file left by a crashed engine is stale.
  if (process.platform !== 'win32' && existsSync(path)) rmSync(path, { force: true });
  const server: Server = createServer(
    createApiHandler({
      host,
      token: null,
      staticDir: null,
      allowedHosts: null,
      // Only the CLI calls here, and only as this account (the socket is owner-only).
      caller: cliCaller(),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (process.platform !== 'win32') rmSync(path, { force: true });
          resolve();
        });
      }),
  };
}

/** The CLI's calls, through the socket or on an engine it opened itself. */
export function cliCaller(): ApiCaller {
  const user = localUser();
  return user ? { origin: 'cli', user } : { origin: 'cli' };
}

/** Calls one API method on a running engine through its local socket. */
export function callLocalSocket(
  path: string,
  method: string,
  input: unknown,
  timeoutMs = 30_000,
): Promise<DispatchResult> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input ?? {});
    const req = request(
      {
        socketPath: path,
        method: 'POST',
        path: `/api/${encodeURIComponent(method)}`,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as DispatchResult);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(`the engine did not answer ${method} within ${formatHumanDuration(timeoutMs)}`),
      ),
    );
    req.on('error', reject);
    req.end(body);
  });
}
