import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentContext, emptyKubeconfig, entryFromKubeconfig, formatKubeconfig, kubedojoEntryName,
  mergeKubeconfig, parseKubeconfig, readKubeconfig, removeFromKubeconfig, resolveKubeconfigPath,
  type KubeconfigEntry,
} from './kubeconfig.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kubedojo-kubeconfig-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function kubectl(file: string, ...args: string[]): string {
  return execFileSync('kubectl', ['--kubeconfig', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function entry(cluster: string, port: number): KubeconfigEntry {
  return {
    name: kubedojoEntryName(cluster),
    cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority-data': Buffer.from(`ca-${cluster}`).toString('base64') },
    user: {
      'client-certificate-data': Buffer.from(`cert-${cluster}`).toString('base64'),
      'client-key-data': Buffer.from(`key-${cluster}`).toString('base64'),
    },
  };
}

describe('resolveKubeconfigPath', () => {
  it.each([
    [{ HOME: '/home/a' }, '/home/a/.kube/config'],
    [{ HOME: '/home/a', KUBECONFIG: '' }, '/home/a/.kube/config'],
    [{ HOME: '/home/a', KUBECONFIG: '/x/one:/x/two' }, '/x/one'],
    [{ HOME: '/home/a', KUBECONFIG: ':/x/two' }, '/x/two'],
  ])('%j → %s', (env, path) => {
    expect(resolveKubeconfigPath(env)).toBe(path);
  });
});

describe('formatKubeconfig', () => {
  it('writes what kubectl writes, byte for byte', () => {
    const file = join(dir, 'config');
    kubectl(file, 'config', 'set-cluster', 'foo', '--server=https://1.2.3.4:6443');
    kubectl(file, 'config', 'set-credentials', 'u', '--token=abc');
    kubectl(file, 'config', 'set-context', 'c', '--cluster=foo', '--user=u', '--namespace=ns');
    const text = readFileSync(file, 'utf8');
    expect(formatKubeconfig(parseKubeconfig(text))).toBe(text);
    kubectl(file, 'config', 'delete-context', 'c');
    kubectl(file, 'config', 'delete-cluster', 'foo');
    kubectl(file, 'config', 'delete-user', 'u');
    const empty = readFileSync(file, 'utf8');
    expect(formatKubeconfig(emptyKubeconfig())).toBe(empty);
  });

  it('keeps fields it does not know', () => {
    const text = 'apiVersion: v1\nkind: Config\nextensions:\n- name: x\n  extension: {a: 1}\nusers:\n- name: u\n  user:\n    exec: {command: aws}\n';
    const out = parseKubeconfig(formatKubeconfig(parseKubeconfig(text)));
    expect(out.extensions).toEqual([{ name: 'x', extension: { a: 1 } }]);
    expect(out.users[0]?.user.exec).toEqual({ command: 'aws' });
  });

  it('names the file in a parse error', () => {
    expect(() => parseKubeconfig('- just\n- a list\n', '/x/config')).toThrow(/"\/x\/config"/);
  });

  it("words a YAML error as clientcmd does (the real kubectl's text for this file)", () => {
    const text = 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://127.0.0.1:6443\n   name: c\n';
    expect(() => parseKubeconfig(text, 'kc')).toThrow('error loading config file "kc": yaml: line 4: did not find expected key');
  });

  it('gives a named entry without its stanza the zero value, as Go decodes it', () => {
    const out = parseKubeconfig('clusters:\n- name: c\nusers:\n- name: u\n  user: null\ncontexts:\n- name: x\n');
    expect([out.clusters[0]?.cluster, out.users[0]?.user, out.contexts[0]?.context]).toEqual([{}, {}, {}]);
  });
});

describe('mergeKubeconfig', () => {
  it('creates the file (0600) and its directory (0755), readable by kubectl', async () => {
    const file = join(dir, 'new/.kube/config');
    await mergeKubeconfig(file, entry('dev', 7001), { makeCurrent: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'new/.kube')).mode & 0o777).toBe(0o755);
    expect(kubectl(file, 'config', 'view', '--raw')).toBe(readFileSync(file, 'utf8'));
    const out = kubectl(file, 'config', 'view', '--raw', '-o',
      'jsonpath={.current-context} {.contexts[0].context.cluster} {.contexts[0].context.user} {.clusters[0].cluster.server}');
    expect(out).toBe('kubedojo-dev kubedojo-dev kubedojo-dev https://127.0.0.1:7001');
  });

  it('replaces entries of the same name and keeps everything else', async () => {
    const file = join(dir, 'config');
    kubectl(file, 'config', 'set-cluster', 'prod', '--server=https://10.0.0.1:6443');
    kubectl(file, 'config', 'set-credentials', 'ops', '--token=t0k');
    kubectl(file, 'config', 'set-context', 'prod', '--cluster=prod', '--user=ops');
    kubectl(file, 'config', 'use-context', 'prod');
    await mergeKubeconfig(file, entry('dev', 7001), { makeCurrent: false });
    await mergeKubeconfig(file, entry('dev', 7002), { makeCurrent: false });
    const cfg = await readKubeconfig(file);
    expect(cfg?.clusters.map((c) => c.name)).toEqual(['prod', 'kubedojo-dev']);
    expect(cfg?.users.map((u) => u.name)).toEqual(['ops', 'kubedojo-dev']);
    expect(cfg?.['current-context']).toBe('prod');
    expect(cfg?.clusters[1]?.cluster.server).toBe('https://127.0.0.1:7002');
    expect(cfg?.users[0]?.user.token).toBe('t0k');
    await mergeKubeconfig(file, entry('dev', 7003), { makeCurrent: true });
    expect(kubectl(file, 'config', 'current-context')).toBe('kubedojo-dev\n');
  });
});

describe('removeFromKubeconfig', () => {
  it('removes the cluster, user and context, and clears a current context on it', async () => {
    const file = join(dir, 'config');
    await mergeKubeconfig(file, entry('a', 7001), { makeCurrent: false });
    await mergeKubeconfig(file, entry('b', 7002), { makeCurrent: true });
    await removeFromKubeconfig(file, 'kubedojo-b');
    const cfg = await readKubeconfig(file);
    expect(cfg?.contexts.map((c) => c.name)).toEqual(['kubedojo-a']);
    expect(cfg?.clusters.map((c) => c.name)).toEqual(['kubedojo-a']);
    expect(cfg?.users.map((c) => c.name)).toEqual(['kubedojo-a']);
    expect(cfg?.['current-context']).toBe('');
    await removeFromKubeconfig(file, 'kubedojo-a');
    expect(readFileSync(file, 'utf8')).toBe(formatKubeconfig(emptyKubeconfig()));
  });

  it('does nothing without a file', async () => {
    await removeFromKubeconfig(join(dir, 'absent'), 'kubedojo-x');
    expect(await readKubeconfig(join(dir, 'absent'))).toBeUndefined();
  });
});

describe('currentContext', () => {
  it('returns the server and cluster of the current or named context', async () => {
    const file = join(dir, 'config');
    await mergeKubeconfig(file, { ...entry('dev', 7001), namespace: 'team' }, { makeCurrent: true });
    kubectl(file, 'config', 'set-cluster', 'prod', '--server=https://10.0.0.1:6443');
    kubectl(file, 'config', 'set-context', 'prod', '--cluster=prod', '--user=kubedojo-dev');
    const cfg = parseKubeconfig(readFileSync(file, 'utf8'));
    expect(currentContext(cfg)).toEqual({
      context: 'kubedojo-dev', cluster: 'kubedojo-dev', user: 'kubedojo-dev',
      server: 'https://127.0.0.1:7001', namespace: 'team', kubedojoCluster: 'dev',
    });
    expect(currentContext(cfg, 'prod')).toEqual({
      context: 'prod', cluster: 'prod', user: 'kubedojo-dev', server: 'https://10.0.0.1:6443', namespace: 'default',
    });
    expect(currentContext(cfg, 'nope')).toBeUndefined();
    expect(currentContext(emptyKubeconfig())).toBeUndefined();
  });
});

describe('entryFromKubeconfig', () => {
  it('copies an admin.conf\'s current cluster and user under a new name', () => {
    const admin = join(dir, 'admin.conf');
    writeFileSync(admin, [
      'apiVersion: v1', 'clusters:', '- cluster:', '    certificate-authority-data: Q0E=', '    server: https://127.0.0.1:6443',
      '  name: kubernetes', 'contexts:', '- context:', '    cluster: kubernetes', '    user: kubernetes-admin',
      '  name: kubernetes-admin@kubernetes', 'current-context: kubernetes-admin@kubernetes', 'kind: Config',
      'preferences: {}', 'users:', '- name: kubernetes-admin', '  user:', '    client-certificate-data: Q0VSVA==',
      '    client-key-data: S0VZ', '',
    ].join('\n'));
    const copied = entryFromKubeconfig(parseKubeconfig(readFileSync(admin, 'utf8')), 'kubedojo-dev');
    expect(copied).toEqual({
      name: 'kubedojo-dev',
      cluster: { 'certificate-authority-data': 'Q0E=', server: 'https://127.0.0.1:6443' },
      user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' },
    });
    expect(() => entryFromKubeconfig(emptyKubeconfig(), 'x')).toThrow(/no complete current context/);
  });
});
