#!/usr/bin/env node
/**
 * Desktop start and packaging (npm start / npm run package).
 *
 *   node scripts/desktop.mjs start [-- <electron args>]   build, compile better-sqlite3 for Electron, launch
 *   node scripts/desktop.mjs native                        only compile better-sqlite3 for Electron
 *   node scripts/desktop.mjs package [<electron-builder args>]  build, then electron-builder
 *
 * Why a second better-sqlite3: `npm install` compiles it for Node (tests, CLI, serve); Electron
 * has another ABI. We compile a copy into build/native/ and the app opens the database with
 * better-sqlite3's `nativeBinding`, so `npm test` and `npm start` never fight over one binary
 * (architecture.md). Each step that needs the network says which host, and what to do without it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_DIR = join(ROOT, 'build', 'native');
const NATIVE_FILE = join(NATIVE_DIR, 'better_sqlite3.node');
const STAMP_FILE = join(NATIVE_DIR, 'stamp.json');
/** node-gyp keeps the Electron headers here (not in ~/.cache), so we know whether they are present. */
const HEADERS_DIR = join(ROOT, 'build', 'node-gyp');
const HEADERS_URL = 'https://electronjs.org/headers';

class DesktopError extends Error {}

function packageVersion(name) {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file))
    throw new DesktopError(`${name} is not installed: run \`npm install\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/**
 * The environment for child builds. npm passes /etc/npmrc's `nodedir=/usr` on as
 * npm_config_nodedir, and node-gyp would then silently compile against Node's headers: the
 * result loads in Node and fails in Electron. So every nodedir setting is removed.
 */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key];
  return env;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      cwd: ROOT,
      env: buildEnv(),
      ...options,
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

async function reachable(host) {
  try {
    await lookup(host);
    return true;
  } catch {
    return false;
  }
}

async function build() {
  console.log('desktop: building main, preload and renderer (electron-vite)');
  const code = await run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
  if (code !== 0)
    throw new DesktopError(`electron-vite build failed (exit ${code}); see the output above.`);
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** Looks on disk only: require('electron') would try to download the binary. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, platformExecutable());
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : platformExecutable();
  return join(ROOT, 'node_modules', 'electron', 'dist', relative);
}

function headersPresent(version) {
  return existsSync(join(HEADERS_DIR, version, 'include', 'node', 'node.h'));
}

/** The ABI check that matters: a module built for Electron must NOT load in this Node. */
function assertNotNodeAbi(file, electronAbi) {
  const probe = spawnSync(
    process.execPath,
    ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`],
    { encoding: 'utf8' },
  );
  if (probe.status === 0) {
    throw new DesktopError(
      `${file} loads in Node ${process.version}, so it was compiled against Node's headers, not Electron's. ` +
        'Check that no `nodedir` is set in your npm configuration (e.g. /etc/npmrc) and run `node scripts/desktop.mjs native` again.',
    );
  }
  const match = /NODE_MODULE_VERSION (\d+)/.exec(probe.stderr);
  if (match && electronAbi && match[1] !== electronAbi) {
    throw new DesktopError(
      `${file} has NODE_MODULE_VERSION ${match[1]}, Electron needs ${electronAbi}.`,
    );
  }
}

async function native() {
  const electron = packageVersion('electron');
  const sqlite = packageVersion('better-sqlite3');
  const stamp = { electron, betterSqlite3: sqlite, platform: process.platform, arch: process.arch };
  if (
    existsSync(NATIVE_FILE) &&
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8') === JSON.stringify(stamp)
  ) {
    console.log(
      `desktop: better-sqlite3 ${sqlite} for Electron ${electron} is up to date (${NATIVE_FILE})`,
    );
    return;
  }
  const tarball = process.env.HIBERNATOR_ELECTRON_HEADERS;
  if (!tarball && !headersPresent(electron) && !(await reachable('electronjs.org'))) {
    throw new DesktopError(
      `cannot compile better-sqlite3 for Electron ${electron}: its headers come from ${HEADERS_URL}, and electronjs.org ` +
        'does not resolve from this machine. Run this once with internet access (the headers are then kept in build/node-gyp), ' +
        `or download node-v${electron}-headers.tar.gz from ${HEADERS_URL}/v${electron}/ elsewhere and set HIBERNATOR_ELECTRON_HEADERS to its path.`,
    );
  }
  const abiFile = join(ROOT, 'node_modules', 'electron', 'abi_version');
  const electronAbi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  const work = mkdtempSync(join(tmpdir(), 'hibernator-sqlite-'));
  try {
    console.log(
      `desktop: compiling better-sqlite3 ${sqlite} for Electron ${electron} (${process.platform}-${process.arch}); this takes a minute or two`,
    );
    // A copy, so node_modules/better-sqlite3 keeps its Node build for tests and the CLI.
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), work, {
      recursive: true,
      filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
    });
    const args = [
      join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electron}`,
      `--arch=${process.arch}`,
      '--runtime=electron',
      `--dist-url=${HEADERS_URL}`,
      `--devdir=${HEADERS_DIR}`,
      ...(tarball ? [`--tarball=${tarball}`] : []),
    ];
    const code = await run(process.execPath, args, { cwd: work });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (code !== 0 || !existsSync(built)) {
      throw new DesktopError(
        `node-gyp could not compile better-sqlite3 for Electron ${electron} (exit ${code}). It needs the Electron headers ` +
          `(${HEADERS_URL}), Python 3 and a C++ toolchain (build-essential / Xcode command line tools / Visual Studio Build Tools).`,
      );
    }
    assertNotNodeAbi(built, electronAbi);
    mkdirSync(NATIVE_DIR, { recursive: true });
    cpSync(built, NATIVE_FILE);
    writeFileSync(STAMP_FILE, JSON.stringify(stamp));
    console.log(`desktop: wrote ${NATIVE_FILE}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function start(extraArgs) {
  await build();
  const binary = electronBinary();
  if (
    !existsSync(binary) &&
    !process.env.ELECTRON_OVERRIDE_DIST_PATH &&
    (process.env.ELECTRON_MIRROR || (await reachable('github.com')))
  ) {
    // First start on a machine with internet: fetch the binary the way `npx install-electron` does.
    console.log(`desktop: downloading the Electron ${packageVersion('electron')} binary`);
    await run(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')]);
  }
  if (!existsSync(binary)) {
    throw new DesktopError(
      `the Electron ${packageVersion('electron')} binary is not downloaded (${binary} is missing). ` +
        'Run `npx install-electron` on a machine that reaches github.com (or set ELECTRON_MIRROR), then `npm start` again.',
    );
  }
  await native();
  // Chromium will not start as root without this (containers); the renderer's own sandbox flag is unaffected.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  console.log('desktop: launching Hibernator');
  const code = await run(binary, [...rootArgs, ROOT, ...extraArgs], { env: { ...process.env } });
  process.exitCode = code;
}

/** @electron/get keeps downloads under this folder (one sub-folder per URL hash). */
function electronCacheDir() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32')
    return join(
      process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'),
      'electron',
      'Cache',
    );
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function electronZipCached(version) {
  const dir = electronCacheDir();
  if (!existsSync(dir)) return false;
  const wanted = `electron-v${version}-`;
  const walk = (d, depth) =>
    readdirSync(d, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? depth < 2 && walk(join(d, e.name), depth + 1)
        : e.name.startsWith(wanted) && e.name.endsWith('.zip'),
    );
  return walk(dir, 0);
}

async function packageApp(builderArgs) {
  await build();
  const electron = packageVersion('electron');
  const missing = [];
  if (
    !process.env.ELECTRON_MIRROR &&
    !electronZipCached(electron) &&
    !(await reachable('github.com'))
  ) {
    missing.push(
      `the Electron ${electron} zip (downloaded from github.com, or from ELECTRON_MIRROR; none is cached in ${electronCacheDir()})`,
    );
  }
  if (!headersPresent(electron) && !(await reachable('electronjs.org'))) {
    missing.push(`the Electron ${electron} headers for rebuilding better-sqlite3 (${HEADERS_URL})`);
  }
  if (missing.length > 0) {
    throw new DesktopError(
      `cannot package: this machine cannot fetch ${missing.join(' and ')}. Package on a machine with internet access.`,
    );
  }
  console.log('desktop: packaging with electron-builder');
  const code = await run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    'electron-builder.yml',
    ...builderArgs,
  ]);
  if (code !== 0)
    throw new DesktopError(`electron-builder failed (exit ${code}); see the output above.`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const passThrough = rest[0] === '--' ? rest.slice(1) : rest;
  switch (command) {
    case 'start':
      return start(passThrough);
    case 'native':
      return native();
    case 'package':
      return packageApp(passThrough);
    default:
      throw new DesktopError(
        'usage: node scripts/desktop.mjs start [-- electron args] | native | package [electron-builder args]',
      );
  }
}

main().catch((error) => {
  console.error(
    `desktop: ${error instanceof DesktopError ? error.message : (error?.stack ?? String(error))}`,
  );
  process.exitCode = 1;
});
