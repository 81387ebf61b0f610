import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/model';
import { createKubeConnectionTools } from '../../main/engine/connections/kube/kube-connection-tools';
import { noConnectionTools } from '../../main/engine/connections/connection-tools';
import { Engine } from '../../main/engine/engine';
import { createMemoryLogger } from '../../main/engine/logging/logger';
import { sandboxSeed, startKubeEmulator, type KubeEmulator } from '../cloud/kube';
import { k8sConnection } from './kube-harness';

/** Kubernetes connections: kubeconfig files and contexts, "Test connection", exec plugins with the login environment. */
let http: KubeEmulator;
let https: KubeEmulator;
let dir: string;

beforeAll(async () => {
  http = await startKubeEmulator({ seed: sandboxSeed() });
  https = await startKubeEmulator({ seed: sandboxSeed(), https: true });
  dir = mkdtempSync(join(tmpdir(), 'hib-kubeconn-'));
});
afterAll(async () => {
  await http.close();
  await https.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const connection = (path: string | undefined, context?: string): Connection =>
  (path === undefined
    ? { ...k8sConnection('dev', 'x'), spec: context ? { kubeconfig: { context } } : {} }
    : k8sConnection('dev', path, context)) as unknown as Connection;

describe('listKubeContexts', () => {
  it('lists the contexts of every KUBECONFIG file, merged as kubectl merges them, with the current one marked', async () => {
    const first = file('first.yaml', http.kubeconfig('dev'));
    const second = file(
      'second.yaml',
      https.kubeconfig('staging').replace('current-context: staging', 'current-context: dev'),
    );
    const third = file(
      'third.yaml',
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name: 'eks', cluster: { server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com' } },
        ],
        users: [
          {
            name: 'eks-user',
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: '/usr/local/bin/aws',
                args: ['eks', 'get-token'],
              },
            },
          },
        ],
        contexts: [
          {
            name: 'prod-eks',
            context: { cluster: 'eks', user: 'eks-user', namespace: 'payments' },
          },
          { name: 'dev', context: { cluster: 'eks', user: 'eks-user' } },
        ],
      }),
    );
    const tools = createKubeConnectionTools({
      env: { KUBECONFIG: `${first}:${join(dir, 'missing.yaml')}:${second}:${third}`, HOME: dir },
      platform: 'linux',
    });
    expect(await tools.listKubeContexts()).toEqual([
      {
        file: first,
        context: 'dev',
        cluster: 'dev',
        user: 'dev-admin',
        server: http.url,
        current: true,
      },
      {
        file: second,
        context: 'staging',
        cluster: 'staging',
        user: 'staging-admin',
        server: https.url,
        current: false,
      },
      {
        file: third,
        context: 'prod-eks',
        cluster: 'eks',
        user: 'eks-user',
        namespace: 'payments',
        server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
        current: false,
        exec: 'aws',
      },
    ]);
  });

  it('reads ~/.kube/config without KUBECONFIG, and skips a broken file with a note', async () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), http.kubeconfig('home'));
    expect(
      (
        await createKubeConnectionTools({
          env: { HOME: home },
          platform: 'linux',
        }).listKubeContexts()
      ).map((c) => c.context),
    ).toEqual(['home']);
    const skipped: string[] = [];
    const broken = file('broken.yaml', 'clusters: [ {');
    const tools = createKubeConnectionTools({
      env: { KUBECONFIG: broken, HOME: home },
      platform: 'linux',
      onSkippedFile: (f) => skipped.push(f),
    });
    expect(await tools.listKubeContexts()).toEqual([]);
    expect(skipped).toEqual([broken]);
  });
});

describe('testConnection for a kubeconfig connection', () => {
  const tools = createKubeConnectionTools({ env: { HOME: '/nonexistent' }, platform: 'linux' });

  it('reports the server version over http and over verified https', async () => {
    const plain = await tools.testConnection(
      connection(file('plain.yaml', http.kubeconfig('dev')), 'dev'),
      [],
    );
    expect(plain).toMatchObject({ ok: true, kind: 'K8SCluster', serverVersion: 'v1.31.4' });
    expect(plain.message).toBe(
      `reached ${http.url} (Kubernetes v1.31.4) with context "dev" in ${join(dir, 'plain.yaml')}`,
    );
    expect(
      await tools.testConnection(connection(file('tls.yaml', https.kubeconfig('tls'))), []),
    ).toMatchObject({ ok: true, serverVersion: 'v1.31.4' });
  });

  it('names the file and lists its contexts when the context is not in it', async () => {
    const path = file('two.yaml', http.kubeconfig('dev'));
    const result = await tools.testConnection(connection(path, 'prod'), []);
    expect(result).toMatchObject({
      ok: false,
      code: 'KUBE_CONTEXT_NOT_FOUND',
      message: `context "prod" is not in ${path} (it has: dev)`,
    });
  });

  it('says which file is missing', async () => {
    const path = join(dir, 'nope', 'config');
    expect(await tools.testConnection(connection(path), [])).toMatchObject({
      ok: false,
      code: 'KUBECONFIG_NOT_FOUND',
      message: expect.stringContaining(path),
    });
    expect(await tools.testConnection(connection(undefined), [])).toMatchObject({
      ok: false,
      code: 'KUBECONFIG_NOT_FOUND',
      message: expect.stringContaining('/nonexistent/.kube/config does not exist'),
    });
  });

  it('tells rejected credentials (401) from an unreachable server', async () => {
    const rejected = await tools.testConnection(
      connection(
        file('bad-token.yaml', http.kubeconfig('dev').replace(http.token, 'expired-token')),
      ),
      [],
    );
    expect(rejected).toMatchObject({ ok: false, code: 'KUBE_UNAUTHORIZED' });
    expect(rejected.message).toContain('rejected the credentials of context "dev"');
    const closed = await startKubeEmulator();
    const path = file('closed.yaml', closed.kubeconfig('gone'));
    await closed.close();
    const unreachable = await tools.testConnection(connection(path), []);
    expect(unreachable).toMatchObject({
      ok: false,
      code: 'KUBE_UNREACHABLE',
      message: expect.stringContaining(`cannot reach the Kubernetes API at ${closed.url}`),
    });
  });

  it('runs an exec credential plugin with the login-shell environment: its PATH and its variables', async () => {
    const bin = join(dir, 'login-bin');
    mkdirSync(bin, { recursive: true });
    const helper = join(bin, 'hib-token-helper');
    writeFileSync(
      helper,
      '#!/bin/sh\nprintf \'{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s"}}\' "$HIB_CLUSTER_TOKEN"\n',
    );
    chmodSync(helper, 0o755);
    const path = file(
      'exec.yaml',
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: http.url, 'insecure-skip-tls-verify': true } }],
        users: [
          {
            name: 'u',
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: 'hib-token-helper',
              },
            },
          },
        ],
        contexts: [{ name: 'exec', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'exec',
      }),
    );
    expect(process.env.HIB_CLUSTER_TOKEN).toBeUndefined();
    const login = { PATH: `${bin}:/usr/bin:/bin`, HIB_CLUSTER_TOKEN: http.token, HOME: dir };
    expect(
      await createKubeConnectionTools({ env: login, platform: 'linux' }).testConnection(
        connection(path),
        [],
      ),
    ).toMatchObject({ ok: true });
    // Without the login environment the plugin is not even found on the app's PATH.
    const bare = await createKubeConnectionTools({
      env: { HOME: dir },
      platform: 'linux',
    }).testConnection(connection(path), []);
    expect(bare).toMatchObject({
      ok: false,
      code: 'KUBE_EXEC_PLUGIN',
      message: expect.stringContaining('"hib-token-helper"'),
    });
    // Found, but without the login shell's variables it hands out an empty token.
    const noToken = await createKubeConnectionTools({
      env: { PATH: login.PATH, HOME: dir },
      platform: 'linux',
    }).testConnection(connection(path), []);
    expect(noToken).toMatchObject({ ok: false, code: 'KUBE_UNAUTHORIZED' });
  });

  it('passes on what a failing credential plugin said', async () => {
    const helper = join(dir, 'expired-login');
    writeFileSync(
      helper,
      '#!/bin/sh\necho "error: the SSO session has expired, run: aws sso login --profile dev" >&2\nexit 1\n',
    );
    chmodSync(helper, 0o755);
    const path = file(
      'expired.yaml',
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: http.url, 'insecure-skip-tls-verify': true } }],
        users: [
          {
            name: 'u',
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: './expired-login',
              },
            },
          },
        ],
        contexts: [{ name: 'sso', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'sso',
      }),
    );
    // The relative command runs from the kubeconfig's directory, as kubectl runs it.
    expect(await tools.testConnection(connection(path), [])).toMatchObject({
      ok: false,
      code: 'KUBE_CREDENTIALS',
      message: expect.stringContaining(
        'getting credentials for context "sso" in ' +
          path +
          ' failed: error: the SSO session has expired, run: aws sso login --profile dev',
      ),
    });
  });

  it('answers through the engine API once the host plugs the tools in', async () => {
    const kubeconfig = file('engine.yaml', http.kubeconfig('dev'));
    const engine = Engine.open({
      dataDir: join(dir, 'engine'),
      host: 'serve',
      logger: createMemoryLogger(),
      run: false,
      connectionTools: {
        ...noConnectionTools,
        ...createKubeConnectionTools({ env: { KUBECONFIG: kubeconfig }, platform: 'linux' }),
      },
    });
    try {
      await engine.call('applyConnection', {
        connection: k8sConnection('dev-cluster', kubeconfig, 'dev'),
      });
      const tested = await engine.call('testConnection', { name: 'dev-cluster' });
      expect(tested).toMatchObject({ ok: true, result: { ok: true, serverVersion: 'v1.31.4' } });
      expect(await engine.call('listKubeContexts', {})).toMatchObject({
        ok: true,
        result: [{ context: 'dev', current: true }],
      });
    } finally {
      await engine.close();
    }
  });
});
