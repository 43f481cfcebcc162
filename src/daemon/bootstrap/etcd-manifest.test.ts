import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clusterPaths, nodePaths } from '../paths.js';
import { EtcdManifestError, etcdArgsFromManifest, ETCD_MANIFEST } from './etcd-manifest.js';
import { loadLayout } from './layout-file.js';
import { writeNodeFiles } from './manifests.js';

const flag = (args: string[], name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

describe('etcdArgsFromManifest', () => {
  const home = mkdtempSync(join(tmpdir(), 'kd-etcd-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const paths = clusterPaths(home, 'c1');
  const root = nodePaths(paths, 'controlplane').root;
  const manifest = join(root, ETCD_MANIFEST);
  const config = {
    ...loadLayout(),
    name: 'c1',
    kubernetesVersion: 'v1.32.4',
    apiserverPort: 16443,
    etcdClientPort: 12379,
    etcdPeerPort: 12380,
    createdAt: '2025-05-01T10:00:00Z',
  };
  let original = '';
  beforeEach(() => {
    writeNodeFiles(paths, config, { overwrite: true });
    original = readFileSync(manifest, 'utf8');
  });
  const edit = (from: string, to: string): void => {
    if (!original.includes(from)) throw new Error(`manifest has no ${from}`);
    writeFileSync(manifest, original.split(from).join(to));
  };

  it('maps the node-view paths under the node root and keeps the other flags', () => {
    const args = etcdArgsFromManifest(root);
    expect(args[0]).toBe('--advertise-client-urls=https://127.0.0.1:12379');
    expect(flag(args, 'data-dir')).toBe(join(root, 'var/lib/etcd'));
    expect(flag(args, 'cert-file')).toBe(join(root, 'etc/kubernetes/pki/etcd/server.crt'));
    expect(flag(args, 'peer-trusted-ca-file')).toBe(join(root, 'etc/kubernetes/pki/etcd/ca.crt'));
    expect(flag(args, 'listen-client-urls')).toBe('https://127.0.0.1:12379');
    expect(flag(args, 'enable-v2')).toBe('true');
    expect(args).not.toContain('etcd');
  });

  it('follows an edited etcd-data hostPath (the restore drill)', () => {
    mkdirSync(join(root, 'var/lib/etcd-from-backup'), { recursive: true });
    edit('path: /var/lib/etcd\n', 'path: /var/lib/etcd-from-backup\n');
    expect(flag(etcdArgsFromManifest(root), 'data-dir')).toBe(join(root, 'var/lib/etcd-from-backup'));
  });

  it('takes a hostPath that exists only on the real machine as is', () => {
    const restored = mkdtempSync(join(tmpdir(), 'kd-restored-'));
    try {
      edit('path: /var/lib/etcd\n', `path: ${restored}\n`);
      expect(flag(etcdArgsFromManifest(root), 'data-dir')).toBe(restored);
    } finally {
      rmSync(restored, { recursive: true, force: true });
    }
  });

  it('a hostPath that exists nowhere yet is created under the node root (DirectoryOrCreate)', () => {
    edit('path: /var/lib/etcd\n', 'path: /var/lib/etcd-new\n');
    expect(flag(etcdArgsFromManifest(root), 'data-dir')).toBe(join(root, 'var/lib/etcd-new'));
  });

  it('follows --data-dir through an edited mount, and a subfolder of a mount', () => {
    edit('--data-dir=/var/lib/etcd\n', '--data-dir=/var/lib/etcd/member-restore\n');
    expect(flag(etcdArgsFromManifest(root), 'data-dir')).toBe(join(root, 'var/lib/etcd/member-restore'));
    edit('/var/lib/etcd', '/var/lib/etcd-restore');
    expect(flag(etcdArgsFromManifest(root), 'data-dir')).toBe(join(root, 'var/lib/etcd-restore'));
  });

  it('a --data-dir no volume covers lands in the container\'s own layer', () => {
    edit('--data-dir=/var/lib/etcd\n', '--data-dir=/data/etcd\n');
    const args = etcdArgsFromManifest(root, { containerRoot: '/tmp/ctr' });
    expect(flag(args, 'data-dir')).toBe('/tmp/ctr/data/etcd');
  });

  it('maps a path flag given as two arguments', () => {
    edit('- --data-dir=/var/lib/etcd\n', '- --data-dir\n    - /var/lib/etcd\n');
    const args = etcdArgsFromManifest(root);
    expect(args[args.indexOf('--data-dir') + 1]).toBe(join(root, 'var/lib/etcd'));
  });

  it.each([
    ['a missing manifest', () => rmSync(manifest), /^etcd manifest ".*etcd\.yaml" cannot be read: no such file$/],
    ['bad YAML', () => writeFileSync(manifest, 'spec: [\n'), /^etcd manifest ".*etcd\.yaml" is not valid YAML: /],
    [
      'no etcd container',
      () => writeFileSync(manifest, original.split('name: etcd\n').join('name: other\n').replace('- etcd\n', '- other\n')),
      /has no etcd container/,
    ],
    ['a list', () => writeFileSync(manifest, '- a\n'), /is not a Pod manifest$/],
  ])('refuses %s with a typed error', (_what, breakIt, message) => {
    breakIt();
    expect(() => etcdArgsFromManifest(root)).toThrow(EtcdManifestError);
    expect(() => etcdArgsFromManifest(root)).toThrow(message);
  });
});
