import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiHandler, type ApiHost } from './api-handler';

export const DEFAULT_PORT = 4680;
export const TOKEN_FILE = 'serve.token';

export class ServeError extends Error {
  constructor(
    readonly code: 'PORT_IN_USE' | 'LISTEN_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface ServeOptions {
  host: ApiHost;
  dataDir: string;
  port?: number;
  staticDir: string | null;
  /** Fixed token (tests); default a fresh random one per start. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: the token rides in the fragment, so it never reaches logs or referrers. */
  openUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** `hibernator serve`: the API, the event stream and the UI on 127.0.0.1 only, behind a token. */
export async function startServe(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenPath = join(options.dataDir, TOKEN_FILE);
  writeFileSync(tokenPath, token + '\n', { mode: 0o600 });
  chmodSync(tokenPath, 0o600);
  const requestedPort = options.port ?? DEFAULT_PORT;
  // Filled once the port is known; requests naming any other Host are refused (DNS rebinding).
  const allowedHosts = new Set<string>();
  const server = createServer(
    createApiHandler({
      host: options.host,
      token,
      staticDir: options.staticDir,
      allowedHosts,
      // Anyone with the token, from a script or the browser: the account behind it is unknown.
      caller: { origin: 'api' },
    }),
  );
  const removeToken = (): void => removeOwnToken(tokenPath, token);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new ServeError(
            'PORT_IN_USE',
            `Port ${requestedPort} on 127.0.0.1 is already in use (is another \`hibernator serve\` running?). Choose another with --port.`,
          ),
        );
      } else {
        reject(
          new ServeError(
            'LISTEN_FAILED',
            `Cannot listen on 127.0.0.1:${requestedPort}: ${error.message}.`,
          ),
        );
      }
    });
    server.listen(requestedPort, '127.0.0.1', () => resolve());
  }).catch((error: unknown) => {
    removeToken();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;
  allowedHosts.add(`127.0.0.1:${port}`);
  allowedHosts.add(`localhost:${port}`);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          removeToken();
          resolve();
        });
      }),
  };
}

/**
 * A token left on disk after a clean stop is a credential nobody needs; only our own is removed
 * (a later `serve` may already have written its own).
 */
function removeOwnToken(path: string, token: string): void {
  try {
    if (readFileSync(path, 'utf8').trim() === token) rmSync(path, { force: true });
  } catch {
    // Already gone, or unreadable: nothing of ours to remove.
  }
}
