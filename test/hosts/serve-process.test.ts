import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
  children.length = 0;
});

function startServe(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; token: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, 'bin/hibernator'),
      ['serve', '--port', '0', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(out);
      if (match?.[1] && match[2])
        resolve({ child, url: match[1], token: match[2], output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function listPlans(url: string, token: string): Promise<unknown> {
  const res = await fetch(`${url}/api/listPlans`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: '{}',
  });
  return res.json();
}

describe('hibernator serve (process)', () => {
  it('serves with a fresh token, refuses a second engine on the same data dir, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-serve-proc-'));
    const first = await startServe(dataDir);
    expect(await listPlans(first.url, first.token)).toEqual({ ok: true, result: [] });

    const second = spawn(
      join(root, 'bin/hibernator'),
      ['serve', '--port', '0', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(second);
    let err = '';
    second.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(
        `Another Hibernator engine \\(serve, pid ${first.child.pid}, started .*\\) is using ${dataDir}`,
      ),
    );

    const exited = new Promise<number | null>((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'engine.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'engine.sock'))).toBe(false);

    const again = await startServe(dataDir);
    expect(again.token).not.toBe(first.token);
    expect(await listPlans(again.url, again.token)).toEqual({ ok: true, result: [] });
  }, 60_000);

  it('explains a database written by a newer version and exits without touching it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-serve-proc-'));
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'hibernator.db'));
    db.pragma('user_version = 999');
    db.close();
    const child = spawn(
      join(root, 'bin/hibernator'),
      ['serve', '--port', '0', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('written by a newer Hibernator (schema 999');
    expect(existsSync(join(dataDir, 'engine.lock'))).toBe(false);
  }, 60_000);
});
