import { describe, expect, it } from 'vitest';
import { candidates, resolveName, type Resolution } from './resolver.js';
import { DEFAULT_DNS, dnsFromKubeletConfig, formatResolvConf, podResolvConf } from './resolv-conf.js';
import { sampleSnapshot } from './testing.js';

const conf = podResolvConf(DEFAULT_DNS, 'default');

describe('resolv.conf', () => {
  it('is what containerd writes for ClusterFirst', () => {
    expect(formatResolvConf(conf)).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
  it('reads clusterDNS and clusterDomain from the kubelet config', () => {
    expect(dnsFromKubeletConfig('kind: KubeletConfiguration\nclusterDNS:\n- 10.100.0.10\nclusterDomain: corp.local\n')).toEqual({ ip: '10.100.0.10', domain: 'corp.local' });
    expect(dnsFromKubeletConfig('kind: KubeletConfiguration\n')).toEqual(DEFAULT_DNS);
  });
});

describe('search list', () => {
  it.each([
    ['web', ['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']],
    ['a.b.c.d.e.f', ['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']],
    ['web.default.svc.cluster.local.', ['web.default.svc.cluster.local']],
  ])('%s', (name, want) => expect(candidates(name, conf)).toEqual(want));
});

describe('resolveName', () => {
  const cases: [string, Resolution][] = [
    ['web', { kind: 'found', fqdn: 'web.default.svc.cluster.local', ips: ['10.96.12.34'] }],
    ['web.default', { kind: 'found', fqdn: 'web.default.svc.cluster.local', ips: ['10.96.12.34'] }],
    ['WEB.default.svc.cluster.local', { kind: 'found', fqdn: 'web.default.svc.cluster.local', ips: ['10.96.12.34'] }],
    ['web-headless', { kind: 'found', fqdn: 'web-headless.default.svc.cluster.local', ips: ['10.244.1.5'] }],
    ['10-244-1-5.default.pod.cluster.local', { kind: 'found', fqdn: '10-244-1-5.default.pod.cluster.local', ips: ['10.244.1.5'] }],
    ['10.1.2.3', { kind: 'found', fqdn: '10.1.2.3', ips: ['10.1.2.3'] }],
    ['nope', { kind: 'nxdomain', tried: ['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope'] }],
    ['web.other', { kind: 'nxdomain', tried: ['web.other.default.svc.cluster.local', 'web.other.svc.cluster.local', 'web.other.cluster.local', 'web.other'] }],
  ];
  it.each(cases)('%s', (name, want) => expect(resolveName(sampleSnapshot(), name, conf, 'cluster.local')).toEqual(want));

  it('times out while no CoreDNS pod is Ready', () => {
    const snap = sampleSnapshot();
    snap.pods = snap.pods.filter((p) => p.metadata.namespace !== 'kube-system');
    expect(resolveName(snap, 'web', conf, 'cluster.local')).toEqual({ kind: 'timeout' });
    expect(resolveName(snap, '10.96.12.34', conf, 'cluster.local').kind).toBe('found');
  });

  it('answers NXDOMAIN for a headless Service without ready endpoints', () => {
    const snap = sampleSnapshot();
    snap.slices = snap.slices!.filter((s) => s.metadata.name !== 'web-headless-x');
    expect(resolveName(snap, 'web-headless.default.svc.cluster.local', conf, 'cluster.local').kind).toBe('nxdomain');
  });
});
