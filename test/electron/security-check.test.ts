import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'check-electron-security.mjs');

interface Finding {
  severity: string;
  check: string;
}

function check(root: string): { status: number | null; findings: Finding[] } {
  const result = spawnSync(process.execPath, [SCRIPT, '--root', root, '--json'], {
    encoding: 'utf8',
  });
  const parsed = JSON.parse(result.stdout) as { findings: Finding[] };
  return { status: result.status, findings: parsed.findings };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hib-sec-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const GOOD_CSP = `export const CONTENT_SECURITY_POLICY = ["default-src 'none'", "script-src 'self'"].join('; ');`;
const GOOD_HOST = `
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  session.setPermissionRequestHandler((_w, _p, cb) => cb(false));
  app.on('web-contents-created', guard);
`;

describe('check-electron-security', () => {
  it('passes on this repository', () => {
    const { status, findings } = check(ROOT);
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
    expect(status).toBe(0);
  });

  it('fails on insecure preferences, an unchecked openExternal and the remote module', () => {
    const root = project({
      'shared/security/csp.ts': GOOD_CSP,
      'main/app/host.ts': `${GOOD_HOST}
        const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
        shell.openExternal(url);
        const remote = require('@electron/remote');`,
    });
    const { status, findings } = check(root);
    expect(status).toBe(1);
    expect(findings.map((f) => f.check).sort()).toEqual(
      [
        'CONTEXT_ISOLATION',
        'NODE_INTEGRATION',
        'OPEN_EXTERNAL',
        'REMOTE_MODULE',
        'SANDBOX',
        'WEB_SECURITY',
        'WINDOW_PREFERENCES',
      ].sort(),
    );
  });

  it('fails when navigation and new windows are not restricted', () => {
    const { findings } = check(
      project({ 'shared/security/csp.ts': GOOD_CSP, 'main/app/host.ts': 'export {};' }),
    );
    expect(findings.map((f) => f.check)).toEqual(
      expect.arrayContaining(['NAVIGATION', 'NEW_WINDOWS', 'PERMISSIONS']),
    );
  });

  it("fails on a CSP that allows 'unsafe-eval', and on a page without one", () => {
    const root = project({
      'shared/security/csp.ts': `export const CONTENT_SECURITY_POLICY = ["default-src 'self'", "script-src 'self' 'unsafe-eval'"].join('; ');`,
      'main/app/host.ts': GOOD_HOST,
      'out/renderer/index.html': '<html><head><title>x</title></head></html>',
    });
    const { status, findings } = check(root);
    expect(status).toBe(1);
    expect(findings.map((f) => f.check)).toEqual(
      expect.arrayContaining(['CSP_UNSAFE_EVAL', 'CSP_META']),
    );
  });

  it('ignores comments and test files', () => {
    const root = project({
      'shared/security/csp.ts': GOOD_CSP,
      'main/app/host.ts': `${GOOD_HOST}\n// never set nodeIntegration: true here\n/* contextIsolation: false would be wrong */`,
      'main/app/host.test.ts': 'const prefs = { sandbox: false };',
      'main/app/test-support/fake.ts': 'const prefs = { webSecurity: false };',
    });
    expect(check(root)).toEqual({ status: 0, findings: [] });
  });
});
