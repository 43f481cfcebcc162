// The classic backup/restore drill on a running cluster: snapshot with the etcd certs, change the
// cluster, restore the snapshot into a new directory, point the etcd static pod's data volume at
// it, restart, and the cluster is back where the snapshot was. (Until the kubelet issue restarts
// static pods on manifest changes, the restart is `kubedojo down && kubedojo up`.)
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, useCluster } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');

const c = useCluster();

describe('etcd snapshot restore through the static pod manifest', () => {
  it('rolls the cluster back to the snapshot', async () => {
    const node = join(c.env.KUBEDOJO_HOME!, c.name, 'nodes/controlplane');
    const manifestFile = join(node, 'etc/kubernetes/manifests/etcd.yaml');
    const manifest = readFileSync(manifestFile, 'utf8');
    const endpoint = /--listen-client-urls=(\S+)/.exec(manifest)![1]!.split(',')[0]!;
    const pki = join(node, 'etc/kubernetes/pki/etcd');
    const etcdctl = (args: string[]) => run(process.execPath, [join(ROOT, 'bin/etcdctl'), ...args], { ...c.env, ETCDCTL_API: '3' });
    const certs = ['--endpoints', endpoint, '--cacert', join(pki, 'ca.crt'), '--cert', join(pki, 'server.crt'), '--key', join(pki, 'server.key')];

    expect((await c.kubectl(['create', 'configmap', 'before', '--from-literal=k=v'])).code).toBe(0);
    const snap = join(c.home, 'snap.db');
    const saved = await etcdctl([...certs, 'snapshot', 'save', snap]);
    expect(saved.stdout).toBe(`Snapshot saved at ${snap}\n`);
    expect((await c.kubectl(['create', 'configmap', 'after', '--from-literal=k=v'])).code).toBe(0);

    const restored = join(node, 'var/lib/etcd-from-backup');
    const restore = await etcdctl(['snapshot', 'restore', snap, '--data-dir', restored]);
    expect(restore.code).toBe(0);
    expect(manifest).toContain('path: /var/lib/etcd\n');
    writeFileSync(manifestFile, manifest.replace('path: /var/lib/etcd\n', 'path: /var/lib/etcd-from-backup\n'));
    expect((await c.kubedojo(['down', '--name', c.name])).code).toBe(0);
    expect((await c.kubedojo(['up', '--name', c.name])).code).toBe(0);

    const names = (await c.kubectl(['get', 'configmaps', '-o', 'name'])).stdout;
    expect(names).toContain('configmap/before\n');
    expect(names).not.toContain('configmap/after');
  }, 120_000);
});
