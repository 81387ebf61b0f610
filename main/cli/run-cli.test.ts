import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

function io(): CliIo & { stdout: string; stderr: string } {
  const self = {
    stdout: '',
    stderr: '',
    out: (t: string) => {
      self.stdout += t;
    },
    err: (t: string) => {
      self.stderr += t;
    },
    readFile: (p: string) => readFileSync(p, 'utf8'),
    writeFile: (p: string, t: string) => writeFileSync(p, t),
    env: {},
    cwd: process.cwd(),
  };
  return self;
}

const dir = mkdtempSync(join(tmpdir(), 'hib-cli-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const PLAN = `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata: { name: dev-env }
spec:
  schedule:
    timezone: Europe/Berlin
    offHours:
      - { start: "20:00", end: "06:00", daysOfWeek: [MON, TUE, WED, THU, FRI] }
  execution: { strategy: { type: Sequential } }
  targets:
    - { name: a, type: noop }
---
apiVersion: hibernator.ardikabs.com/v1alpha1
kind: ScheduleException
metadata: { name: late-demo }
spec:
  planRef: { name: dev-env }
  type: suspend
  validFrom: "2026-01-28T00:00:00Z"
  validUntil: "2026-01-29T00:00:00Z"
  windows:
    - { start: "20:00", end: "23:00", daysOfWeek: [WED] }
`;

const BAD = `apiVersion: hibernator.ardikabs.com/v1alpha1
kind: HibernatePlan
metadata: { name: bad }
spec:
  schedule:
    timezone: Mars/Olympus
    offHours:
      - { start: "25:00", end: "06:00", daysOfWeek: [Monday] }
  execution: { strategy: { type: Parallel } }
  targets:
    - { name: a, type: noop }
`;

describe('hibernator validate', () => {
  it('exits 0 for a valid file and 1 with file: path: message lines for an invalid one', async () => {
    const good = write('good.yaml', PLAN);
    const bad = write('bad.yaml', BAD);
    const a = io();
    expect(await runCli(['validate', good], a)).toBe(0);
    expect(a.stdout).toContain(`${good}: valid`);
    const b = io();
    expect(await runCli(['validate', good, bad], b)).toBe(1);
    expect(b.stdout).toContain(`${bad}: spec.schedule.timezone:`);
    expect(b.stdout).toContain(`${bad}: spec.schedule.offHours[0].daysOfWeek[0]:`);
    expect(b.stdout).toContain(`${bad}: spec.schedule.offHours[0].start:`);
  });

  it('prints one JSON object per file with --json', async () => {
    const bad = write('bad2.yaml', BAD);
    const a = io();
    expect(await runCli(['validate', bad, '--json'], a)).toBe(1);
    const parsed = JSON.parse(a.stdout) as Array<{
      file: string;
      valid: boolean;
      errors: Array<{ path: string; message: string }>;
    }>;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ file: bad, valid: false });
    expect(parsed[0]?.errors.length).toBeGreaterThanOrEqual(3);
  });
});

describe('hibernator preview', () => {
  it("applies the file's exceptions and prints the state and next transitions as JSON", async () => {
    const file = write('plan.yaml', PLAN);
    const a = io();
    expect(
      await runCli(['preview', file, '--at', '2026-01-28T19:30:00Z', '--count', '3', '--json'], a),
    ).toBe(0);
    const out = JSON.parse(a.stdout);
    // 20:30 Berlin is inside the suspend exception (20:00-23:00 local) on Wednesday.
    expect(out).toMatchObject({
      plan: 'dev-env',
      at: '2026-01-28T19:30:00.000Z',
      hibernate: false,
    });
    expect(out.upcoming[0]).toEqual({ at: '2026-01-28T22:00:00.000Z', operation: 'hibernate' });
    expect(out.upcoming).toHaveLength(3);
  });

  it('prints the human view with the plan timezone', async () => {
    const file = write('plan2.yaml', PLAN);
    const a = io();
    expect(await runCli(['preview', file, '--at', '2026-01-28T12:00:00Z'], a)).toBe(0);
    expect(a.stdout).toMatch(/dev-env at .*: AWAKE/);
    expect(a.stdout).toContain('plan time Europe/Berlin');
  });
});

describe('hibernator import / export / plans', () => {
  it('imports a file into a data dir, lists it, and exports it back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-cli-data-'));
    const file = write('plan3.yaml', PLAN);
    const a = io();
    expect(await runCli(['import', file, '--data-dir', dataDir], a)).toBe(0);
    expect(a.stdout).toContain('imported HibernatePlan dev-env');
    const b = io();
    expect(await runCli(['plans', '--data-dir', dataDir], b)).toBe(0);
    expect(b.stdout).toMatch(/dev-env\s+Active/);
    const out = join(dir, 'export.yaml');
    const c = io();
    expect(await runCli(['export', '--data-dir', dataDir, '-o', out], c)).toBe(0);
    const exported = readFileSync(out, 'utf8');
    expect(exported).toContain('name: dev-env');
    expect(exported).toContain('name: late-demo');
  });

  it('imports nothing when one document is invalid', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-cli-data-'));
    const file = write('mixed.yaml', `${PLAN}---\n${BAD}`);
    const a = io();
    expect(await runCli(['import', file, '--data-dir', dataDir], a)).toBe(1);
    expect(a.stdout).toContain('nothing was imported');
    const b = io();
    await runCli(['plans', '--data-dir', dataDir, '--json'], b);
    expect(JSON.parse(b.stdout)).toEqual([]);
  });

  it('explains unknown commands and bad options', async () => {
    const a = io();
    expect(await runCli(['frobnicate'], a)).toBe(2);
    expect(a.stderr).toContain('unknown command "frobnicate"');
    const b = io();
    expect(await runCli(['preview', 'x.yaml', '--count', 'many'], b)).toBe(2);
  });
});

describe('hibernator discover', () => {
  it('prints what each target would touch, read-only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hib-cli-data-'));
    const file = write('plan4.yaml', PLAN);
    await runCli(['import', file, '--data-dir', dataDir], io());
    const a = io();
    expect(await runCli(['discover', 'dev-env', '--data-dir', dataDir], a)).toBe(0);
    expect(a.stdout).toContain('dev-env: pretend 1');
    expect(a.stdout).toContain('pretend to hibernate a (noop)');
    const b = io();
    expect(
      await runCli(['discover', 'dev-env', '--target', 'nope', '--data-dir', dataDir], b),
    ).toBe(1);
    expect(b.stderr).toContain('has no target named "nope"');
  });
});

describe('terminal safety', () => {
  it('prints a YAML value with escape sequences as visible text, not as terminal commands', async () => {
    const file = write(
      'escape.yaml',
      PLAN.replace(
        'metadata: { name: dev-env }',
        'metadata: { name: "dev\\e[2J\\e]0;pwned\\aenv" }',
      ),
    );
    const t = io();
    const code = await runCli(['validate', file], t);
    expect(code).not.toBe(0);
    const printed = t.stdout + t.stderr;
    expect(printed).toContain('\\u001b[2J');
    // eslint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
