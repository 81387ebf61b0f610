import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'out/cli/main.mjs');
const recorder = join(root, 'test/hosts/record-modules.mjs');
const fixture = join(root, 'test/fixtures/plans/sequential-noop.yaml');
const CLOUD_SDK = /@aws-sdk\/|@smithy\/|@aws-crypto\/|@kubernetes\/client-node/;

/** Runs bin/hibernator with the module recorder; returns the exit code, output and loaded modules. */
function runRecorded(
  args: string[],
  fromSource = false,
): { status: number | null; out: string; modules: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'hib-cli-modules-')), 'modules.txt');
  const result = spawnSync(join(root, 'bin/hibernator'), args, {
    encoding: 'utf8',
    env: {
      ...process.env,
      HIBERNATOR_FROM_SOURCE: fromSource ? '1' : '',
      HIBERNATOR_RECORD_MODULES: file,
      NODE_OPTIONS: `--import ${recorder}`,
    },
  });
  const modules = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  return { status: result.status, out: result.stdout + result.stderr, modules };
}

describe('the built CLI (out/cli/main.mjs)', () => {
  it('exists: `npm run build` (and prepare) build it', () => {
    expect(existsSync(bundle), 'out/cli/main.mjs is missing: run `npm run build` first').toBe(true);
  });

  it('validates a file without loading a cloud SDK or opening the engine', () => {
    const run = runRecorded(['validate', fixture]);
    expect(run.out).toContain(`${fixture}: valid`);
    expect(run.status).toBe(0);
    // The recorder saw the bundle itself, so this is the built CLI, not the sources.
    expect(run.modules).toContain(`file://${bundle}`);
    expect(run.modules.filter((m) => CLOUD_SDK.test(m))).toEqual([]);
    expect(run.modules.filter((m) => m.includes('better-sqlite3'))).toEqual([]);
  }, 60_000);

  it('lists plans from a data directory without loading a cloud SDK', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-cli-plans-'));
    const run = runRecorded(['plans', '--data-dir', dataDir]);
    expect(run.out).toContain('no plans yet');
    expect(run.status).toBe(0);
    expect(run.modules).toContain(`file://${bundle}`);
    // It opened the engine (the database), so the recorder does see packages from node_modules.
    expect(run.modules.some((m) => m.includes('better-sqlite3'))).toBe(true);
    expect(run.modules.filter((m) => CLOUD_SDK.test(m))).toEqual([]);
  }, 60_000);
});

describe('bin/hibernator without the bundle', () => {
  /** A copy of bin/hibernator in an empty project: no out/, and node_modules only if asked. */
  function project(withNodeModules: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'hib-cli-bin-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(root, 'bin/hibernator'), join(dir, 'bin/hibernator'));
    if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
    return dir;
  }

  it('runs the sources with tsx when HIBERNATOR_FROM_SOURCE is set', () => {
    const run = runRecorded(['validate', fixture], true);
    expect(run.out).toContain(`${fixture}: valid`);
    expect(run.status).toBe(0);
    expect(run.modules).toContain(`file://${join(root, 'main/cli/main.ts')}`);
    expect(run.modules).not.toContain(`file://${bundle}`);
  }, 60_000);

  it('says to run `npm run build` when neither the bundle nor the sources can run', () => {
    const dir = project(true);
    const run = spawnSync('sh', [join(dir, 'bin/hibernator'), 'plans'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run `npm run build`');
  });

  it('says to run `npm install` when the dependencies are missing', () => {
    const dir = project(false);
    const run = spawnSync('sh', [join(dir, 'bin/hibernator'), 'plans'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('run `npm install`');
  });
});
