import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KObject } from '../../api/types.js';
import { loadLayout } from './layout-file.js';
import { bootstrapObjects } from './objects.js';
import { configMapChecksum } from './objects-kubeadm.js';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const config = {
  ...loadLayout(),
  name: 'kd-test',
  kubernetesVersion: 'v1.32.4',
  apiserverPort: 16443,
  etcdClientPort: 12379,
  etcdPeerPort: 12380,
  createdAt: '2025-05-01T10:00:00Z',
};
const objects = bootstrapObjects(config, { caCertPem: CA, now: '2025-05-01T10:00:00.123Z' });
const key = (o: KObject): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const find = (kind: string, name: string, namespace?: string): KObject & Record<string, any> => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name && x.metadata.namespace === namespace);
  if (!o) throw new Error(`no ${kind} ${namespace}/${name}`);
  return o as KObject & Record<string, any>;
};

describe('bootstrapObjects', () => {
  it('has each object once, with apiVersion and kind, and nothing the apiserver stamps', () => {
    expect(new Set(objects.map(key)).size).toBe(objects.length);
    for (const o of objects) {
      expect(o.apiVersion).toBeTruthy();
      expect(o.kind).toBeTruthy();
      expect(o.metadata.uid).toBeUndefined();
      expect(o.metadata.resourceVersion).toBeUndefined();
      expect(o.metadata.creationTimestamp).toBeUndefined();
    }
  });

  it('creates namespaces first and every namespaced object after its namespace', () => {
    expect(objects.slice(0, 4).map((o) => o.metadata.name)).toEqual(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
    const nsAt = new Map(objects.map((o, i) => [o.kind === 'Namespace' ? o.metadata.name : '', i]));
    objects.forEach((o, i) => {
      if (o.metadata.namespace) expect(nsAt.get(o.metadata.namespace)).toBeLessThan(i);
    });
    expect(find('Namespace', 'kube-system')).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      status: { phase: 'Active' },
    });
  });

  it('publishes the CA and a default ServiceAccount in every namespace', () => {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      expect(find('ConfigMap', 'kube-root-ca.crt', ns).data).toEqual({ 'ca.crt': CA });
      find('ServiceAccount', 'default', ns);
    }
    find('ServiceAccount', 'coredns', 'kube-system');
    find('ServiceAccount', 'kube-proxy', 'kube-system');
  });

  it('the kubernetes Service points at the apiserver', () => {
    expect(find('Service', 'kubernetes', 'default').spec).toMatchObject({
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 16443 }],
    });
    expect(find('Endpoints', 'kubernetes', 'default').subsets).toEqual([
      { addresses: [{ ip: '172.30.1.2' }], ports: [{ name: 'https', port: 16443, protocol: 'TCP' }] },
    ]);
    expect(find('EndpointSlice', 'kubernetes', 'default').endpoints).toEqual([
      { addresses: ['172.30.1.2'], conditions: { ready: true } },
    ]);
  });

  it('registers every node, Ready, with a Lease; the control plane tainted and labelled', () => {
    for (const spec of config.nodes) {
      const node = find('Node', spec.name);
      expect(node.spec.podCIDRs).toEqual([spec.podCIDR]);
      expect(node.status.addresses).toEqual([
        { address: spec.internalIP, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ]);
      expect(node.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
        'MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True',
      ]);
      expect(node.status.conditions[3].lastHeartbeatTime).toBe('2025-05-01T10:00:00Z');
      expect(node.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.4', architecture: 'amd64', operatingSystem: 'linux' });
      expect(node.metadata.labels?.['kubernetes.io/hostname']).toBe(spec.name);
      expect(find('Lease', spec.name, 'kube-node-lease').spec).toMatchObject({
        holderIdentity: spec.name,
        renewTime: '2025-05-01T10:00:00.123000Z',
      });
      const indexOf = (o: KObject) => objects.indexOf(o);
      expect(indexOf(node)).toBeLessThan(indexOf(find('Lease', spec.name, 'kube-node-lease')));
    }
    const cp = find('Node', 'controlplane');
    expect(cp.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect(cp.metadata.labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    });
    expect(find('Node', 'node01').spec.taints).toBeUndefined();
    expect(cp.status.allocatable.memory).toBe('3913372Ki');
  });

  it('kubeadm\'s ConfigMaps carry its configuration', () => {
    const cc = parse(find('ConfigMap', 'kubeadm-config', 'kube-system').data.ClusterConfiguration);
    expect(cc).toMatchObject({ kind: 'ClusterConfiguration', kubernetesVersion: 'v1.32.4', networking: { podSubnet: '10.244.0.0/16' } });
    const kubelet = find('ConfigMap', 'kubelet-config', 'kube-system');
    expect(parse(kubelet.data.kubelet)).toMatchObject({ kind: 'KubeletConfiguration', clusterDNS: ['10.96.0.10'] });
    expect(kubelet.metadata.annotations!['kubeadm.kubernetes.io/component-config.hash']).toBe(configMapChecksum(kubelet.data));
    const info = parse(find('ConfigMap', 'cluster-info', 'kube-public').data.kubeconfig);
    expect(info.clusters[0].cluster.server).toBe('https://172.30.1.2:16443');
    expect(Buffer.from(info.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(CA);
  });

  it('installs kube-proxy and CoreDNS as kubeadm does', () => {
    const proxy = parse(find('ConfigMap', 'kube-proxy', 'kube-system').data['config.conf']);
    expect(proxy).toMatchObject({ kind: 'KubeProxyConfiguration', clusterCIDR: '10.244.0.0/16', mode: '' });
    expect(find('DaemonSet', 'kube-proxy', 'kube-system').spec.template.spec.containers[0].image).toBe(
      'registry.k8s.io/kube-proxy:v1.32.4',
    );
    const dns = find('Deployment', 'coredns', 'kube-system');
    expect(dns.spec.replicas).toBe(2);
    expect(dns.spec.template.spec.containers[0].image).toBe('registry.k8s.io/coredns/coredns:v1.11.3');
    expect(find('Service', 'kube-dns', 'kube-system').spec).toMatchObject({
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    });
    expect(find('ConfigMap', 'coredns', 'kube-system').data.Corefile).toContain('kubernetes cluster.local in-addr.arpa ip6.arpa {');
  });

  it('has the built-in PriorityClasses', () => {
    expect(find('PriorityClass', 'system-node-critical').value).toBe(2000001000);
    expect(find('PriorityClass', 'system-cluster-critical').value).toBe(2000000000);
  });

  it('is the same for the same inputs', () => {
    expect(bootstrapObjects(config, { caCertPem: CA, now: '2025-05-01T10:00:00.123Z' })).toEqual(objects);
  });
});
