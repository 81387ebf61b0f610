import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { APP_URL, handleAppRequest, isAppUrl } from './app-protocol';

let root = '';
let outside = '';

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'hib-proto-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hibernator</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'secret');
});

afterAll(() => rmSync(outside, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(new Request(url, { method }), root);

describe('handleAppRequest', () => {
  it('serves the index with the Content-Security-Policy header', async () => {
    const res = await get(APP_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Hibernator</title>');
  });

  it('serves assets with their type', async () => {
    const res = await get('app://hibernator/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to the index for client-side routes', async () => {
    const res = await get('app://hibernator/plans/dev-env');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Hibernator');
  });

  it('answers a missing asset with 404, not the index page', async () => {
    expect((await get('app://hibernator/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    // The URL parser already folds dot segments; an encoded slash survives it and is caught here.
    const dotted = await get('app://hibernator/%2e%2e/secret.txt');
    expect(dotted.status).toBe(404);
    expect(await dotted.text()).not.toContain('secret');
    expect((await get('app://hibernator/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://hibernator/assets/..%2f..%2fsecret.txt')).status).toBe(403);
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get(APP_URL, 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const res = await get(APP_URL, 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('says how to build the UI when it is missing', async () => {
    const res = await handleAppRequest(new Request(APP_URL), join(outside, 'nothing'));
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://hibernator/', true],
    ['app://hibernator/#/plans/x', true],
    ['app://evil/', false],
    ['https://hibernator/', false],
    ['file:///opt/Hibernator/resources/out/renderer/index.html', false],
    ['not a url', false],
    [undefined, false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
