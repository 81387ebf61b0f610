import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openHostEngine, type Engine } from '../engine';
import { startLocalSocket, type LocalSocket } from './local-socket';
import { startServe, type RunningServer } from './serve';

export interface ServeHostOptions {
  dataDir: string;
  port?: number;
  open?: boolean;
  staticDir?: string | null;
  log(line: string): void;
}

export interface ServeHost {
  engine: Engine;
  server: RunningServer;
  socket: LocalSocket;
  close(): Promise<void>;
}

/** The built renderer, next to the sources: out/renderer at the repository root. */
export function defaultStaticDir(): string | null {
  const dir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  return existsSync(dir) ? dir : null;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** `hibernator serve`: one engine, the HTTP host and the local socket, closed together. */
export async function startServeHost(options: ServeHostOptions): Promise<ServeHost> {
  const engine = await openHostEngine({ dataDir: options.dataDir, host: 'serve' });
  let server: RunningServer | undefined;
  let socket: LocalSocket | undefined;
  try {
    const staticDir = options.staticDir === undefined ? defaultStaticDir() : options.staticDir;
    if (!staticDir)
      options.log('warning: the web UI is not built (run `npm run build`); serving the API only');
    server = await startServe({
      host: engine,
      dataDir: engine.dataDir,
      port: options.port,
      staticDir,
    });
    socket = await startLocalSocket(engine, engine.dataDir);
  } catch (error) {
    await server?.close();
    await engine.close();
    throw error;
  }
  options.log(`Hibernator is serving ${engine.dataDir}`);
  options.log(`Open ${server.openUrl}`);
  options.log(
    `(the token is also in ${engine.dataDir}/serve.token; API calls need "Authorization: Bearer <token>")`,
  );
  if (options.open) openBrowser(server.openUrl);
  const running = server;
  const sock = socket;
  let closing: Promise<void> | null = null;
  return {
    engine,
    server: running,
    socket: sock,
    close() {
      closing ??= (async () => {
        await running.close();
        await sock.close();
        await engine.close();
      })();
      return closing;
    },
  };
}
