#!/usr/bin/env node
/**
 * Electron security check, in the spirit of @doyensec/electronegativity but small, offline and
 * deterministic: it reads the desktop host's sources and the built bundles and fails (exit 1)
 * on high-severity patterns. Usage: node scripts/check-electron-security.mjs [--root DIR] [--json]
 *
 * Checked: insecure webPreferences (nodeIntegration, contextIsolation, sandbox, webSecurity,
 * allowRunningInsecureContent, experimentalFeatures, enableBlinkFeatures, webviewTag), the remote
 * module, a missing or weak Content-Security-Policy, `shell.openExternal` without URL validation,
 * navigation and new windows not restricted, permission requests not handled, a preload that
 * exposes ipcRenderer itself, and custom schemes that bypass the CSP.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const ROOT =
  rootIndex >= 0 && args[rootIndex + 1]
    ? args[rootIndex + 1]
    : join(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_OUTPUT = args.includes('--json');

/** Where Electron main/preload code and the pages it loads live. */
const SOURCE_DIRS = ['main/app', 'preload'];
const BUNDLES = ['out/main/index.js', 'out/preload/index.cjs'];
const PAGES = ['renderer/index.html', 'out/renderer/index.html'];
const CSP_MODULE = 'shared/security/csp.ts';

function listSources(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const entry of readdirSync(abs)) {
    const path = join(abs, entry);
    if (statSync(path).isDirectory()) {
      // Test doubles deliberately contain what production code must not.
      if (entry !== 'test-support' && entry !== 'node_modules')
        out.push(...listSources(join(dir, entry)));
    } else if (
      /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry) &&
      !/\.(test|spec)\.[cm]?[jt]s$/.test(entry)
    ) {
      out.push(join(dir, entry));
    }
  }
  return out;
}

const findings = [];
function report(severity, check, file, line, message) {
  findings.push({ severity, check, file, line, message });
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

/** Code without comments, same length (so line numbers hold), to keep prose from matching. */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
}

const INSECURE_PREFERENCES = [
  [
    /\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true\b/g,
    'NODE_INTEGRATION',
    'nodeIntegration enabled: renderer code could reach Node',
  ],
  [
    /\bcontextIsolation\s*:\s*false\b/g,
    'CONTEXT_ISOLATION',
    'contextIsolation disabled: the page shares globals with the preload',
  ],
  [/\bsandbox\s*:\s*false\b/g, 'SANDBOX', 'sandbox disabled for a renderer'],
  [/\bwebSecurity\s*:\s*false\b/g, 'WEB_SECURITY', 'webSecurity disabled: same-origin policy off'],
  [
    /\ballowRunningInsecureContent\s*:\s*true\b/g,
    'INSECURE_CONTENT',
    'allowRunningInsecureContent enabled',
  ],
  [/\bexperimentalFeatures\s*:\s*true\b/g, 'EXPERIMENTAL_FEATURES', 'experimentalFeatures enabled'],
  [
    /\benableBlinkFeatures\s*:/g,
    'BLINK_FEATURES',
    'enableBlinkFeatures turns on non-standard Chromium features',
  ],
  [/\bwebviewTag\s*:\s*true\b/g, 'WEBVIEW_TAG', 'webviewTag enabled'],
  [
    /\benableRemoteModule\s*:\s*true\b|@electron\/remote|\bremote\.(getCurrentWindow|require)\b/g,
    'REMOTE_MODULE',
    'the remote module gives the renderer main-process objects',
  ],
  [
    /\bbypassCSP\s*:\s*true\b/g,
    'BYPASS_CSP',
    'a custom scheme bypasses the Content-Security-Policy',
  ],
  [
    /exposeInMainWorld\s*\(\s*['"`][^'"`]+['"`]\s*,\s*ipcRenderer\s*\)/g,
    'EXPOSED_IPC',
    'the preload exposes ipcRenderer itself (every channel) to the page',
  ],
];

function checkCode(file, text) {
  const code = stripComments(text);
  for (const [pattern, check, message] of INSECURE_PREFERENCES) {
    for (const m of code.matchAll(pattern))
      report('HIGH', check, file, lineOf(code, m.index), message);
  }
  for (const m of code.matchAll(/\.openExternal\s*\(/g)) {
    // The URL must be checked right there: same line or the few lines before the call.
    const start = code.lastIndexOf('\n', Math.max(0, m.index - 1));
    const context = code.slice(
      Math.max(0, code.lastIndexOf('\n', Math.max(0, start - 200))),
      m.index,
    );
    if (!/isSafeExternalUrl\s*\(/.test(context)) {
      report(
        'HIGH',
        'OPEN_EXTERNAL',
        file,
        lineOf(code, m.index),
        'shell.openExternal without isSafeExternalUrl() right before it',
      );
    }
  }
  for (const m of code.matchAll(/new\s+BrowserWindow\s*\(/g)) {
    const call = code.slice(m.index, m.index + 400);
    if (
      !/mainWindowOptions\s*\(|secureWebPreferences\s*\(/.test(call) &&
      !(/contextIsolation\s*:\s*true/.test(call) && /sandbox\s*:\s*true/.test(call))
    ) {
      report(
        'HIGH',
        'WINDOW_PREFERENCES',
        file,
        lineOf(code, m.index),
        'a BrowserWindow not built from secureWebPreferences() (or without contextIsolation and sandbox)',
      );
    }
  }
}

function checkCsp(policy, where) {
  if (!policy) {
    report('HIGH', 'CSP_MISSING', where, 0, 'no Content-Security-Policy');
    return;
  }
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!directives.has('default-src'))
    report(
      'HIGH',
      'CSP_DEFAULT_SRC',
      where,
      0,
      "the CSP has no default-src (use 'none' and allow per type)",
    );
  if (!scripts) report('HIGH', 'CSP_SCRIPT_SRC', where, 0, 'the CSP does not restrict scripts');
  for (const [name, values] of directives) {
    if (values.includes("'unsafe-eval'"))
      report('HIGH', 'CSP_UNSAFE_EVAL', where, 0, `${name} allows 'unsafe-eval'`);
    if ((name === 'script-src' || name === 'default-src') && values.includes("'unsafe-inline'"))
      report('HIGH', 'CSP_UNSAFE_INLINE', where, 0, `${name} allows 'unsafe-inline'`);
    if (
      (name === 'script-src' || name === 'default-src') &&
      values.some((v) => v === '*' || v === 'http:' || v === 'https:' || v === 'data:')
    ) {
      report('HIGH', 'CSP_WILDCARD', where, 0, `${name} allows scripts from anywhere`);
    }
  }
}

function read(path) {
  const abs = join(ROOT, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
}

// 1. Source and bundles.
const sources = [
  ...SOURCE_DIRS.flatMap(listSources),
  ...BUNDLES.filter((b) => existsSync(join(ROOT, b))),
];
if (sources.length === 0)
  report('HIGH', 'NOTHING_TO_CHECK', ROOT, 0, 'no Electron sources found (main/app, preload)');
const texts = new Map(sources.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
for (const [file, text] of texts) checkCode(file, text);
const appCode = [...texts]
  .filter(([file]) => !file.startsWith('out/'))
  .map(([, text]) => stripComments(text))
  .join('\n');

// 2. Navigation, new windows and permissions must be restricted somewhere in the host.
if (!/['"`]will-navigate['"`]/.test(appCode) || !/preventDefault\s*\(/.test(appCode)) {
  report(
    'HIGH',
    'NAVIGATION',
    'main/app',
    0,
    "navigation is not restricted (no 'will-navigate' handler that prevents it)",
  );
}
if (!/setWindowOpenHandler\s*\(/.test(appCode) || !/action\s*:\s*['"`]deny['"`]/.test(appCode)) {
  report(
    'HIGH',
    'NEW_WINDOWS',
    'main/app',
    0,
    "new windows are not denied (setWindowOpenHandler returning { action: 'deny' })",
  );
}
if (!/setPermissionRequestHandler\s*\(/.test(appCode)) {
  report(
    'MEDIUM',
    'PERMISSIONS',
    'main/app',
    0,
    'permission requests are not handled (setPermissionRequestHandler)',
  );
}
if (appCode && !/['"`]web-contents-created['"`]/.test(appCode)) {
  report(
    'MEDIUM',
    'ALL_WEB_CONTENTS',
    'main/app',
    0,
    "guards are not applied to every webContents ('web-contents-created')",
  );
}

// 3. The Content-Security-Policy: the shared policy, the page's meta tag, the protocol header.
const cspModule = read(CSP_MODULE);
const policyMatch =
  cspModule &&
  /CONTENT_SECURITY_POLICY\s*=\s*\[([\s\S]*?)\]\.join\(\s*['"`];\s*['"`]\s*\)/.exec(cspModule);
const policy = policyMatch
  ? [...policyMatch[1].matchAll(/"([^"]*)"|'([^']*)'|`([^`]*)`/g)]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .join('; ')
  : null;
checkCsp(policy, CSP_MODULE);
for (const page of PAGES) {
  const html = read(page);
  if (html === null) continue;
  const meta =
    /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=["']([^"']*)["']/i.exec(html);
  if (!meta)
    report('HIGH', 'CSP_META', page, 0, 'the page has no Content-Security-Policy meta tag');
  else if (!meta[1].includes('%CONTENT_SECURITY_POLICY%')) checkCsp(meta[1], page);
  if (/<webview\b|allowpopups/i.test(html))
    report('HIGH', 'WEBVIEW', page, 0, 'the page uses <webview> or allowpopups');
}
if (
  appCode &&
  /protocol\.handle\s*\(/.test(appCode) &&
  !/SECURITY_HEADERS|CONTENT_SECURITY_POLICY|Content-Security-Policy/.test(appCode)
) {
  report(
    'HIGH',
    'CSP_HEADER',
    'main/app',
    0,
    'the app protocol answers without a Content-Security-Policy header',
  );
}

// Report.
const high = findings.filter((f) => f.severity === 'HIGH');
if (JSON_OUTPUT) {
  console.log(JSON.stringify({ root: ROOT, checked: sources.length, findings }, null, 2));
} else {
  for (const f of findings)
    console.log(
      `${f.severity.padEnd(6)} ${f.check.padEnd(20)} ${relative(process.cwd(), join(ROOT, f.file)) || f.file}${f.line ? `:${f.line}` : ''}  ${f.message}`,
    );
  console.log(
    `electron security: ${sources.length} files checked, ${high.length} high, ${findings.length - high.length} other finding(s)`,
  );
}
process.exitCode = high.length > 0 ? 1 : 0;
