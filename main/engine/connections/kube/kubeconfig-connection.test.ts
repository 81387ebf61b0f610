import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveKubeconfig } from './kubeconfig-connection';

const dir = mkdtempSync(join(tmpdir(), 'hib-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(name: string, doc: Record<string, unknown>): string {
  const path = join(dir, name);
  writeFileSync(path, stringify({ apiVersion: 'v1', kind: 'Config', ...doc }));
  return path;
}

const cluster = (name: string, server: string) => ({ name, cluster: { server } });
const tokenUser = (name: string, token: string) => ({ name, user: { token } });
const context = (name: string, c: string, u: string) => ({
  name,
  context: { cluster: c, user: u },
});

describe('resolveKubeconfig', () => {
  const a = kubeconfig('a.yaml', {
    clusters: [cluster('shared', 'https://a.example.com')],
    users: [tokenUser('alice', 'a-token')],
    contexts: [context('dev', 'shared', 'alice'), context('broken', 'nowhere', 'alice')],
    'current-context': 'dev',
  });
  const b = kubeconfig('b.yaml', {
    clusters: [
      cluster('shared', 'https://b.example.com'),
      cluster('prod', 'https://prod.example.com'),
    ],
    users: [
      {
        name: 'bob',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'bin/token',
            env: [{ name: 'REGION', value: 'eu' }],
          },
        },
      },
    ],
    contexts: [context('dev', 'prod', 'bob'), context('prod', 'prod', 'bob')],
    'current-context': 'prod',
  });

  it('uses the current context of the first KUBECONFIG file that sets one, first definitions winning', () => {
    const resolved = resolveKubeconfig({}, { env: { KUBECONFIG: `${a}:${b}` }, platform: 'linux' });
    expect(resolved.context).toBe('dev');
    expect(resolved.endpoint).toEqual({
      server: 'https://a.example.com',
      description: `context "dev" in ${a}`,
    });
  });

  it('finds a context defined only in a later file, with clusters merged across files', () => {
    const resolved = resolveKubeconfig(
      { context: 'prod' },
      { env: { KUBECONFIG: `${a}:${b}` }, platform: 'linux' },
    );
    expect(resolved.endpoint.server).toBe('https://prod.example.com');
  });

  it('names the files and lists the contexts when the context is not there', () => {
    expect(() => resolveKubeconfig({ path: a, context: 'staging' })).toThrow(
      `context "staging" is not in ${a} (it has: dev, broken)`,
    );
  });

  it('reports a context that names an undefined cluster', () => {
    expect(() => resolveKubeconfig({ path: a, context: 'broken' })).toThrow(
      `context "broken" in ${a} names cluster "nowhere", which no kubeconfig file defines`,
    );
  });

  it('asks for a context when the file has no current-context', () => {
    const none = kubeconfig('none.yaml', {
      clusters: [cluster('c', 'https://c')],
      users: [tokenUser('u', 't')],
      contexts: [context('only', 'c', 'u')],
    });
    expect(() => resolveKubeconfig({ path: none })).toThrow(
      /has no current-context: pick a context for this connection \(it has: only\)/,
    );
  });

  it('says which file is missing or unreadable', () => {
    expect(() => resolveKubeconfig({ path: join(dir, 'gone.yaml') })).toThrow(
      `the kubeconfig file ${join(dir, 'gone.yaml')} does not exist`,
    );
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'clusters: [ {');
    expect(() => resolveKubeconfig({ path: bad })).toThrow(`${bad} is not a valid kubeconfig`);
  });

  it('expands ~ in the path with the login environment', () => {
    expect(
      resolveKubeconfig({ path: '~/a.yaml' }, { env: { HOME: dir }, platform: 'linux' }).context,
    ).toBe('dev');
  });

  it('gives an exec plugin the login environment, its own env entries winning, and runs a relative command from the file', () => {
    const { kc } = resolveKubeconfig(
      { path: b },
      { env: { PATH: '/login/bin', REGION: 'us', AWS_PROFILE: 'dev' }, platform: 'linux' },
    );
    const exec = kc.getCurrentUser()?.exec as {
      command: string;
      env: Array<{ name: string; value: string }>;
    };
    expect(exec.command).toBe(join(dir, 'bin/token'));
    expect(exec.env).toEqual([
      { name: 'PATH', value: '/login/bin' },
      { name: 'REGION', value: 'us' },
      { name: 'AWS_PROFILE', value: 'dev' },
      { name: 'REGION', value: 'eu' },
    ]);
  });
});
