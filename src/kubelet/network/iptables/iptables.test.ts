// kube-proxy's rules for this node, compared line for line with real `iptables-save` dumps:
// - KIND: a kind v1.31.2 cluster (iptables mode), `iptables-save` on the control-plane node after
//   `kubectl create deployment nginx --image nginx --replicas 3` and
//   `kubectl expose deployment nginx --port=8080 --target-port=80` (ClusterIP 10.96.175.117),
//   then the same Service as LoadBalancer (nodePort 30606); found with the search tool
//   (find_string "--probability 0.33333333349").
// - PR114470: kubernetes/kubernetes PR #114470 (aojea, kind, v1.26): kube-dns's endpoint chain
//   and a NodePort Service with externalTrafficPolicy: Local and no endpoint on the node.
import { describe, expect, it } from 'vitest';
import { netPod } from '../testing.js';
import type { NetSnapshot, Service } from '../types.js';
import { base32, portProtoHash, sepChain } from './names.js';
import { savedProbability } from './probability.js';
import { nodeTables } from './tables.js';
import { formatTable } from './table.js';

const svc = (ns: string, name: string, ip: string, spec: NonNullable<Service['spec']>): Service => ({ metadata: { namespace: ns, name }, spec: { clusterIP: ip, selector: { app: name }, ...spec } });

function kindSnapshot(type: string): NetSnapshot {
  return {
    services: [svc('default', 'nginx', '10.96.175.117', { type, ports: [{ port: 8080, targetPort: 80, nodePort: 30606 }] })],
    slices: undefined,
    pods: ['10.244.0.22', '10.244.0.20', '10.244.0.21'].map((ip, i) => netPod('default', `nginx-${i}`, ip, { app: 'nginx' }, { node: 'cp' })),
    nodes: [{ metadata: { name: 'cp' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] } }],
  };
}

const natLines = (snap: NetSnapshot, node = 'cp') => formatTable(nodeTables(snap, node, '10.244.0.0/16').nat);

describe('chain names (portProtoHash)', () => {
  it.each([
    ['default/kubernetes:https', 'tcp', 'NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'TCOU7JCQXEZGVUNU'],
    ['default/nginx', 'tcp', '2CMXP7HKUVJN7L6M'],
    ['default/nodeport-service', 'tcp', 'QATUYZLPU4I4HE4S'],
  ])('%s %s', (spn, proto, want) => expect(portProtoHash(spn, proto)).toBe(want));

  it.each([
    ['default/nginx', 'tcp', '10.244.0.20:80', 'KUBE-SEP-BRZDTZFF2SFWJV4H'],
    ['kube-system/kube-dns:dns', 'udp', '10.244.0.3:53', 'KUBE-SEP-6E7XQMQ4RAYOWTTM'],
  ])('%s %s %s', (spn, proto, ep, want) => expect(sepChain(spn, proto, ep)).toBe(want));

  it('base32 is RFC 4648 (Go StdEncoding) without padding', () => expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI'));
});

describe('probability as iptables-save prints it', () => {
  it.each([[2, '0.50000000000'], [3, '0.33333333349'], [4, '0.25000000000'], [5, '0.20000000019']])('1/%i', (n, want) => expect(savedProbability(n)).toBe(want));
});

describe('nat rules (KIND dump)', () => {
  it.each([
    '-A KUBE-SERVICES -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 8080 -j KUBE-SVC-2CMXP7HKUVJN7L6M',
    '-A KUBE-SVC-2CMXP7HKUVJN7L6M ! -s 10.244.0.0/16 -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 8080 -j KUBE-MARK-MASQ',
    '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.20:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-BRZDTZFF2SFWJV4H',
    '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.21:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-OI2S57TQ5WH5FOMC',
    '-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.22:80" -j KUBE-SEP-473MVOWGJMIYYUKK',
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  ])('%s', (line) => expect(natLines(kindSnapshot('ClusterIP'))).toContain(line));

  it('the SVC chain: masquerade rule, then one rule per endpoint, sorted by address', () => {
    const svcRules = natLines(kindSnapshot('ClusterIP')).filter((l) => l.startsWith('-A KUBE-SVC-2CMXP7HKUVJN7L6M '));
    expect(svcRules.map((l) => /-j (\S+)$/.exec(l)?.[1])).toEqual(['KUBE-MARK-MASQ', 'KUBE-SEP-BRZDTZFF2SFWJV4H', 'KUBE-SEP-OI2S57TQ5WH5FOMC', 'KUBE-SEP-473MVOWGJMIYYUKK']);
  });

  it.each([
    '-A KUBE-EXT-2CMXP7HKUVJN7L6M -m comment --comment "masquerade traffic for default/nginx external destinations" -j KUBE-MARK-MASQ',
    '-A KUBE-EXT-2CMXP7HKUVJN7L6M -j KUBE-SVC-2CMXP7HKUVJN7L6M',
    '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/nginx" -m tcp --dport 30606 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-2CMXP7HKUVJN7L6M',
    '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/nginx" -m tcp --dport 30606 -j KUBE-EXT-2CMXP7HKUVJN7L6M',
    ':KUBE-EXT-2CMXP7HKUVJN7L6M - [0:0]',
  ])('LoadBalancer/NodePort: %s', (line) => expect(natLines(kindSnapshot('LoadBalancer'))).toContain(line));

  it('chains: built-ins with ACCEPT policy first, then the user chains sorted', () => {
    const heads = natLines(kindSnapshot('ClusterIP')).filter((l) => l.startsWith(':'));
    expect(heads.slice(0, 4)).toEqual([':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]']);
    expect(heads.slice(4)).toEqual([...heads.slice(4)].sort());
  });
});

describe('nat rules (PR114470 dump)', () => {
  const snap: NetSnapshot = {
    services: [
      svc('kube-system', 'kube-dns', '10.96.0.10', { ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }] }),
      svc('default', 'nodeport-service', '10.96.7.7', { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 80, nodePort: 31964 }] }),
    ],
    slices: undefined,
    pods: [netPod('kube-system', 'coredns', '10.244.0.3', { app: 'kube-dns' }, { node: 'cp' }), netPod('default', 'np', '10.244.1.4', { app: 'nodeport-service' }, { node: 'worker' })],
    nodes: [],
  };
  it.each([
    '-A KUBE-SEP-6E7XQMQ4RAYOWTTM -s 10.244.0.3/32 -m comment --comment "kube-system/kube-dns:dns" -j KUBE-MARK-MASQ',
    '-A KUBE-SEP-6E7XQMQ4RAYOWTTM -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.3:53',
    '-A KUBE-EXT-QATUYZLPU4I4HE4S -s 10.244.0.0/16 -m comment --comment "pod traffic for default/nodeport-service external destinations" -j KUBE-SVC-QATUYZLPU4I4HE4S',
    '-A KUBE-EXT-QATUYZLPU4I4HE4S -m comment --comment "masquerade LOCAL traffic for default/nodeport-service external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
    '-A KUBE-EXT-QATUYZLPU4I4HE4S -m comment --comment "route LOCAL traffic for default/nodeport-service external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-QATUYZLPU4I4HE4S',
    '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/nodeport-service" -m tcp --dport 31964 -j KUBE-EXT-QATUYZLPU4I4HE4S',
  ])('%s', (line) => expect(natLines(snap)).toContain(line));

  it('no local endpoint for externalTrafficPolicy: Local: no jump to KUBE-SVL, a DROP in filter', () => {
    const t = nodeTables(snap, 'cp', '10.244.0.0/16');
    expect(formatTable(t.nat).some((l) => l.includes('KUBE-SVL-'))).toBe(false);
    expect(formatTable(t.filter)).toContain('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/nodeport-service has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31964 -j DROP');
  });
});

describe('other cases from proxier.go', () => {
  it('a Service without endpoints: REJECT in filter KUBE-SERVICES, no nat rules', () => {
    const snap = { ...kindSnapshot('ClusterIP'), pods: [] };
    const t = nodeTables(snap, 'cp', '10.244.0.0/16');
    expect(formatTable(t.filter)).toContain('-A KUBE-SERVICES -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx has no endpoints" -m tcp --dport 8080 -j REJECT --reject-with icmp-port-unreachable');
    expect(formatTable(t.nat).some((l) => l.includes('default/nginx'))).toBe(false);
  });

  it('ClientIP affinity: recent --rcheck rules before the random ones, --set in the SEP chain (issue #47533 form)', () => {
    const snap = kindSnapshot('ClusterIP');
    snap.services[0]!.spec!.sessionAffinity = 'ClientIP';
    const lines = natLines(snap);
    expect(lines).toContain('-A KUBE-SVC-2CMXP7HKUVJN7L6M -m comment --comment "default/nginx -> 10.244.0.20:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-BRZDTZFF2SFWJV4H --mask 255.255.255.255 --rsource -j KUBE-SEP-BRZDTZFF2SFWJV4H');
    expect(lines).toContain('-A KUBE-SEP-BRZDTZFF2SFWJV4H -p tcp -m comment --comment "default/nginx" -m recent --set --name KUBE-SEP-BRZDTZFF2SFWJV4H --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.0.20:80');
  });

  it('internalTrafficPolicy: Local: KUBE-SERVICES jumps to KUBE-SVL with only this node\'s endpoints', () => {
    const snap = kindSnapshot('ClusterIP');
    snap.services[0]!.spec!.internalTrafficPolicy = 'Local';
    snap.pods[0]!.spec!.nodeName = 'other';
    const lines = natLines(snap);
    expect(lines).toContain('-A KUBE-SERVICES -d 10.96.175.117/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 8080 -j KUBE-SVL-2CMXP7HKUVJN7L6M');
    expect(lines.filter((l) => l.startsWith('-A KUBE-SVL-') && l.includes('-> ')).length).toBe(2);
    expect(lines.some((l) => l.includes('10.244.0.22'))).toBe(false);
  });
});
