import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../shared/api/contract';

const root = join(import.meta.dirname, '..');
const bundlePath = join(root, 'out', 'preload', 'index.cjs');

/**
 * A sandboxed preload may `require` only a few built-ins; anything else fails at run time in
 * Electron, where no unit test can see it. So the built file itself is checked (architecture.md).
 * `npm test` builds before the unit tests; a fresh checkout builds here once.
 */
function bundle(): string {
  if (!existsSync(bundlePath))
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
        'build',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  return readFileSync(bundlePath, 'utf8');
}

describe('the built preload (out/preload/index.cjs)', () => {
  it('is one CommonJS file whose only require is electron', () => {
    const code = bundle();
    const requires = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map(
      (m) => m[2],
    );
    expect(requires).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('carries every API method name and no schema library', () => {
    const code = bundle();
    for (const method of API_METHODS) expect(code).toContain(method);
    expect(code).not.toMatch(/\bzod\b|ZodError/);
  });

  it('exposes the bridge as window.hibernator through contextBridge', () => {
    expect(bundle()).toMatch(/contextBridge\.exposeInMainWorld\(\s*["']hibernator["']/);
  });
});
