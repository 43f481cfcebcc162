// The cluster's etcd, as the course material uses it: etcdctl with the control-plane node's etcd
// certificates lists the /registry keys the apiserver wrote (values are readable JSON); without
// the certificates it fails as against a kubeadm cluster. Ours and, when installed, the real one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, startCluster, type TestCluster } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');
const REAL_ETCDCTL = '/usr/bin/etcdctl';
const etcdctls: [string, string[]][] = [['ours', [process.execPath, join(ROOT, 'bin/etcdctl')]]];
if (existsSync(REAL_ETCDCTL)) etcdctls.push(['real', [REAL_ETCDCTL]]);

let c: TestCluster;
let endpoint: string;
let pki: string;

beforeAll(async () => {
  c = await startCluster();
  const node = join(c.env.KUBEDOJO_HOME!, c.name, 'nodes/controlplane');
  const manifest = readFileSync(join(node, 'etc/kubernetes/manifests/etcd.yaml'), 'utf8');
  endpoint = /--listen-client-urls=(\S+)/.exec(manifest)![1]!.split(',')[0]!;
  pki = join(node, 'etc/kubernetes/pki/etcd');
}, 120_000);
afterAll(async () => {
  await c?.stop();
});

describe.each(etcdctls)('%s etcdctl against the cluster etcd', (_name, [cmd, ...pre]) => {
  const etcdctl = (args: string[]) => run(cmd!, [...pre, ...args], { ...c.env, ETCDCTL_API: '3' });

  it('lists the registry with the etcd certificates', async () => {
    expect((await c.kubectl(['create', 'configmap', 'probe', '--from-literal=k=v'])).code).toBe(0);
    const certs = ['--endpoints', endpoint, '--cacert', join(pki, 'ca.crt'), '--cert', join(pki, 'server.crt'), '--key', join(pki, 'server.key')];
    const keys = await etcdctl([...certs, 'get', '/registry/', '--prefix', '--keys-only']);
    expect(keys.code).toBe(0);
    const list = keys.stdout.split('\n').filter(Boolean);
    for (const k of ['/registry/namespaces/default', '/registry/minions/controlplane', '/registry/services/specs/default/kubernetes', '/registry/configmaps/default/probe']) {
      expect(list).toContain(k);
    }
    const value = await etcdctl([...certs, 'get', '/registry/configmaps/default/probe', '--print-value-only']);
    expect(JSON.parse(value.stdout)).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'probe', namespace: 'default' }, data: { k: 'v' } });
    await c.kubectl(['delete', 'configmap', 'probe']);
  });

  it('fails without the certificates', async () => {
    const r = await etcdctl(['--endpoints', endpoint, '--dial-timeout', '2s', '--command-timeout', '3s', 'get', '/registry/', '--prefix', '--keys-only']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Error: context deadline exceeded\n$/);
    expect(r.stdout).toBe('');
  });
});
