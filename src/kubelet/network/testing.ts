// A small cluster for the network's unit tests: a CoreDNS pod, an nginx Deployment's two pods
// behind Service `web`, a headless Service, a Service with no endpoints, a NodePort Service and
// a busybox client pod, on two nodes.
import { CriLogWriter } from '../runtime/cri-log.js';
import type { CatalogImage } from '../runtime/catalog.js';
import type { ContainerRecord } from '../container-record.js';
import { PodFabric } from './fabric.js';
import { NodeNetwork } from './node-network.js';
import { DEFAULT_DNS } from './resolv-conf.js';
import type { NetPod, NetSnapshot, Service } from './types.js';

const ready = [{ type: 'Ready', status: 'True' }];

export function netPod(ns: string, name: string, ip: string, labels: Record<string, string>, o: { node?: string; ready?: boolean; ports?: { containerPort: number; name?: string }[] } = {}): NetPod {
  return {
    metadata: { namespace: ns, name, labels },
    spec: { nodeName: o.node ?? 'node-1', containers: [{ name: 'c', ...(o.ports ? { ports: o.ports } : {}) }] },
    status: { podIP: ip, phase: 'Running', conditions: o.ready === false ? [{ type: 'Ready', status: 'False' }] : ready },
  };
}

const svc = (name: string, clusterIP: string, selector: Record<string, string>, port: Partial<Service['spec'] & object>['ports'], type = 'ClusterIP'): Service =>
  ({ metadata: { namespace: 'default', name }, spec: { type, clusterIP, selector, ...(port ? { ports: port } : {}) } });

export function sampleSnapshot(): NetSnapshot {
  return {
    services: [
      svc('web', '10.96.12.34', { app: 'web' }, [{ port: 80, targetPort: 80 }]),
      svc('web-headless', 'None', { app: 'web' }, [{ port: 80 }]),
      svc('empty', '10.96.0.77', { app: 'nothing' }, [{ port: 80 }]),
      svc('named', '10.96.0.88', { app: 'web' }, [{ port: 8080, targetPort: 'http' }]),
      svc('nodeport', '10.96.0.99', { app: 'web' }, [{ port: 80, nodePort: 30080 }], 'NodePort'),
    ],
    slices: [
      { metadata: { namespace: 'default', name: 'web-abc', labels: { 'kubernetes.io/service-name': 'web' } }, ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }, { addresses: ['10.244.2.7'], conditions: { ready: false } }] },
      { metadata: { namespace: 'default', name: 'web-headless-x', labels: { 'kubernetes.io/service-name': 'web-headless' } }, ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }] },
      { metadata: { namespace: 'default', name: 'empty-x', labels: { 'kubernetes.io/service-name': 'empty' } }, ports: null, endpoints: null },
      { metadata: { namespace: 'default', name: 'named-x', labels: { 'kubernetes.io/service-name': 'named' } }, ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }] },
      { metadata: { namespace: 'default', name: 'nodeport-x', labels: { 'kubernetes.io/service-name': 'nodeport' } }, ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }] },
    ],
    pods: [
      netPod('kube-system', 'coredns-1', '10.244.0.2', { 'k8s-app': 'kube-dns' }, { node: 'cp' }),
      netPod('default', 'web-1', '10.244.1.5', { app: 'web' }, { ports: [{ containerPort: 80, name: 'http' }] }),
      netPod('default', 'web-2', '10.244.2.7', { app: 'web' }, { node: 'node-2', ready: false }),
      netPod('default', 'client', '10.244.1.9', { run: 'client' }),
    ],
    nodes: [{ metadata: { name: 'cp' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] } }, { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] } }],
  };
}

export const NGINX: CatalogImage = { repository: 'docker.io/library/nginx', tags: ['1.27'], digest: '', imageId: '', size: 0, ports: [80], env: ['NGINX_VERSION=1.27.3'], behaviour: { kind: 'server', program: ['nginx'], shell: 'dash', http: 'nginx', tools: ['curl'] } };
export const BUSYBOX: CatalogImage = { repository: 'docker.io/library/busybox', tags: ['1.36'], digest: '', imageId: '', size: 0, behaviour: { kind: 'command', shell: 'busybox' } };

/** A network whose pod web-1 runs nginx on :80; its log collects what nginx writes. */
export function sampleNetwork(snap: NetSnapshot = sampleSnapshot()): { net: NodeNetwork; log: CriLogWriter } {
  const fabric = new PodFabric();
  const log = new CriLogWriter(undefined, () => 0);
  const record = { name: 'c', running: { startedAt: 0, containerID: 'x' }, process: { ports: [80] }, launch: { image: NGINX }, log } as unknown as ContainerRecord;
  fabric.addNode('node-1', () => ({ container: (ns, name) => (ns === 'default' && name === 'web-1' ? record : undefined) }));
  const now = () => Date.UTC(2026, 10, 23, 2, 40, 0);
  return { net: new NodeNetwork({ view: { snapshot: async () => snap }, fabric, dns: DEFAULT_DNS, now, pick: () => 0 }), log };
}
