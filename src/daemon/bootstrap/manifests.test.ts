import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClusterConfig } from '../layout.js';
import { clusterPaths, nodePaths } from '../paths.js';
import { loadLayout } from './layout-file.js';
import { writeNodeFiles } from './manifests.js';

function testConfig(layout = loadLayout()): ClusterConfig {
  return {
    ...layout,
    name: 'kd-test',
    kubernetesVersion: 'v1.32.4',
    apiserverPort: 16443,
    etcdClientPort: 12379,
    etcdPeerPort: 12380,
    createdAt: '2025-05-01T10:00:00Z',
  };
}

type Pod = {
  metadata: { name: string; annotations?: Record<string, string>; labels: Record<string, string> };
  spec: Record<string, unknown> & { containers: Array<Record<string, unknown> & { command: string[] }> };
};

describe('writeNodeFiles', () => {
  const home = mkdtempSync(join(tmpdir(), 'kd-nodes-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const paths = clusterPaths(home, 'kd-test');
  const config = testConfig();
  writeNodeFiles(paths, config);
  const cp = nodePaths(paths, 'controlplane');
  const pod = (name: string): Pod => parse(readFileSync(join(cp.manifests, `${name}.yaml`), 'utf8')) as Pod;
  const flags = (p: Pod): string[] => p.spec.containers[0]!.command;

  it('writes the four static Pods on the control plane only', () => {
    for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      const p = pod(name);
      expect(p.metadata).toMatchObject({ name, labels: { component: name, tier: 'control-plane' } });
      expect(p.spec).toMatchObject({ hostNetwork: true, priority: 2000001000, priorityClassName: 'system-node-critical' });
      expect(p.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    }
    for (const worker of ['node01', 'node02']) {
      const np = nodePaths(paths, worker);
      expect(existsSync(np.manifests)).toBe(true);
      expect(existsSync(join(np.manifests, 'etcd.yaml'))).toBe(false);
      expect(existsSync(np.etcdData)).toBe(false);
    }
    expect(existsSync(cp.etcdData)).toBe(true);
    expect(existsSync(cp.podLogs)).toBe(true);
  });

  it('etcd listens on loopback at the cluster ports, v2 enabled', () => {
    const p = pod('etcd');
    expect(flags(p)[0]).toBe('etcd');
    expect(flags(p)).toEqual(
      expect.arrayContaining([
        '--advertise-client-urls=https://127.0.0.1:12379',
        '--listen-client-urls=https://127.0.0.1:12379',
        '--listen-peer-urls=https://127.0.0.1:12380',
        '--initial-cluster=controlplane=https://127.0.0.1:12380',
        '--data-dir=/var/lib/etcd',
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--enable-v2=true',
        '--snapshot-count=10000',
      ]),
    );
    expect(p.metadata.annotations).toEqual({ 'kubeadm.kubernetes.io/etcd.advertise-client-urls': 'https://127.0.0.1:12379' });
    const rest = flags(p).slice(1);
    expect(rest).toEqual([...rest].sort());
  });

  it('the apiserver serves on its port and reaches etcd on its port', () => {
    const p = pod('kube-apiserver');
    expect(flags(p)).toEqual(
      expect.arrayContaining(['--secure-port=16443', '--etcd-servers=https://127.0.0.1:12379', '--advertise-address=172.30.1.2']),
    );
    expect(p.metadata.annotations).toEqual({
      'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '172.30.1.2:16443',
    });
    expect(p.spec.containers[0]!.livenessProbe).toMatchObject({ httpGet: { port: 16443, path: '/livez', scheme: 'HTTPS' } });
  });

  it('controller-manager gets the pod and service networks', () => {
    expect(flags(pod('kube-controller-manager'))).toEqual(
      expect.arrayContaining(['--cluster-cidr=10.244.0.0/16', '--service-cluster-ip-range=10.96.0.0/12', '--allocate-node-cidrs=true']),
    );
  });

  it('points crictl at containerd\'s socket on every node (/etc/crictl.yaml)', () => {
    for (const node of config.nodes) {
      const file = readFileSync(join(nodePaths(paths, node.name).root, 'etc/crictl.yaml'), 'utf8');
      expect(parse(file)).toEqual({ 'runtime-endpoint': 'unix:///run/containerd/containerd.sock', 'image-endpoint': 'unix:///run/containerd/containerd.sock', timeout: 10, debug: false });
    }
  });

  it('writes kubeadm\'s kubelet config on every node', () => {
    for (const node of config.nodes) {
      const kc = parse(readFileSync(nodePaths(paths, node.name).kubeletConfig, 'utf8'));
      expect(kc).toMatchObject({
        kind: 'KubeletConfiguration',
        staticPodPath: '/etc/kubernetes/manifests',
        clusterDNS: ['10.96.0.10'],
        clusterDomain: 'cluster.local',
        cgroupDriver: 'systemd',
      });
    }
  });

  it('keeps existing files unless asked to overwrite', () => {
    const file = join(cp.manifests, 'kube-scheduler.yaml');
    writeFileSync(file, 'edited');
    writeNodeFiles(paths, config);
    expect(readFileSync(file, 'utf8')).toBe('edited');
    writeNodeFiles(paths, config, { overwrite: true });
    expect(readFileSync(file, 'utf8')).toContain('kube-scheduler');
  });
});
