import { Bash } from 'just-bash';
import { describe, expect, it } from 'vitest';
import { networkCommands } from './commands/index.js';
import { policyAllows } from './policy.js';
import { route, sourceEndpoint } from './router.js';
import { BUSYBOX, netPod, sampleNetwork, sampleSnapshot } from './testing.js';
import type { NetSnapshot, NetworkPolicy, PolicyRule } from './types.js';

const client = { namespace: 'default', podIP: '10.244.1.9' };

function pol(name: string, spec: NetworkPolicy['spec'], namespace = 'default'): NetworkPolicy {
  return { metadata: { name, namespace }, spec };
}

const denyIngress = pol('deny-in', { podSelector: {}, policyTypes: ['Ingress'] });
const denyEgress = pol('deny-out', { podSelector: {}, policyTypes: ['Egress'] });
const webIngress = (rule: PolicyRule): NetworkPolicy => pol('web-in', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [rule] });
const clientEgress = (rule: PolicyRule): NetworkPolicy => pol('client-out', { podSelector: { matchLabels: { run: 'client' } }, policyTypes: ['Egress'], egress: [rule] });

function snapWith(policies: NetworkPolicy[] | undefined, extra: (s: NetSnapshot) => void = () => {}): NetSnapshot {
  const s = sampleSnapshot();
  s.policies = policies;
  s.pods.push(netPod('team-a', 'other', '10.244.1.20', { run: 'other' }));
  s.namespaces = [{ metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } }, { metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a', team: 'a' } } }];
  extra(s);
  return s;
}

/** client (default) or other (team-a) → web-1:port. */
function allowed(s: NetSnapshot, fromIP: string, port = 80, ns = 'default'): boolean {
  const web = s.pods.find((p) => p.metadata.name === 'web-1')!;
  return policyAllows(s, sourceEndpoint(s, { namespace: ns, podIP: fromIP }), { ip: '10.244.1.5', pod: web }, port);
}

describe('NetworkPolicy', () => {
  it.each<[string, NetworkPolicy[] | undefined, string, number, string, boolean]>([
    ['policies unreadable: open', undefined, '10.244.1.9', 80, 'default', true],
    ['no policy: open', [], '10.244.1.9', 80, 'default', true],
    ['default-deny ingress', [denyIngress], '10.244.1.9', 80, 'default', false],
    ['a policy in another namespace does not isolate', [pol('x', { podSelector: {}, policyTypes: ['Ingress'] }, 'team-a')], '10.244.1.9', 80, 'default', true],
    ['a policy selecting other pods does not isolate', [pol('x', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] })], '10.244.1.9', 80, 'default', true],
    ['from podSelector allows that pod', [webIngress({ from: [{ podSelector: { matchLabels: { run: 'client' } } }] })], '10.244.1.9', 80, 'default', true],
    ['podSelector alone means the policy namespace only', [webIngress({ from: [{ podSelector: {} }] })], '10.244.1.20', 80, 'team-a', false],
    ['namespaceSelector picks team-a', [webIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] })], '10.244.1.20', 80, 'team-a', true],
    ['namespaceSelector excludes default', [webIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] })], '10.244.1.9', 80, 'default', false],
    ['namespace and pod selector in one peer: both must match', [webIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { run: 'client' } } }] })], '10.244.1.20', 80, 'team-a', false],
    ['port rule allows 80', [webIngress({ ports: [{ port: 80 }] })], '10.244.1.9', 80, 'default', true],
    ['port rule denies 8080', [webIngress({ ports: [{ port: 80 }] })], '10.244.1.9', 8080, 'default', false],
    ['named port of the destination pod', [webIngress({ ports: [{ port: 'http' }] })], '10.244.1.9', 80, 'default', true],
    ['UDP rule does not open TCP', [webIngress({ ports: [{ port: 80, protocol: 'UDP' }] })], '10.244.1.9', 80, 'default', false],
    ['port range with endPort', [webIngress({ ports: [{ port: 70, endPort: 90 }] })], '10.244.1.9', 80, 'default', true],
    ['ipBlock containing the source', [webIngress({ from: [{ ipBlock: { cidr: '10.244.1.0/24' } }] })], '10.244.1.9', 80, 'default', true],
    ['ipBlock except', [webIngress({ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.0/28'] } }] })], '10.244.1.9', 80, 'default', false],
    ['an empty rule allows all', [denyIngress, webIngress({})], '10.244.1.9', 80, 'default', true],
    ['default-deny egress on the source', [denyEgress], '10.244.1.9', 80, 'default', false],
    ['egress to app=web on 80', [clientEgress({ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80 }] })], '10.244.1.9', 80, 'default', true],
    ['egress to others only', [clientEgress({ to: [{ podSelector: { matchLabels: { app: 'db' } } }] })], '10.244.1.9', 80, 'default', false],
  ])('%s', (_n, policies, ip, port, ns, want) => expect(allowed(snapWith(policies), ip, port, ns)).toBe(want));

  it('applies after the Service DNAT: a denied ClusterIP connection is dropped (times out)', () => {
    expect(route(snapWith([denyIngress]), client, '10.96.12.34', 80, { pick: () => 0 }).kind).toBe('dropped');
    expect(route(snapWith([webIngress({ ports: [{ port: 80 }] })]), client, '10.96.12.34', 80, { pick: () => 0 }).kind).toBe('pod');
  });

  it('policyTypes default from the rules when absent', () => {
    const egressOnly = pol('e', { podSelector: {}, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] });
    expect(allowed(snapWith([egressOnly]), '10.244.1.9')).toBe(false);
  });
});

async function wget(snap: NetSnapshot, script: string) {
  const { net } = sampleNetwork(snap);
  const slept: number[] = [];
  const bash = new Bash({ customCommands: networkCommands(BUSYBOX, { net, self: client, sleep: async (ms) => void slept.push(ms) }) });
  return { ...(await bash.exec(script)), slept };
}

describe('NetworkPolicy on the tools', () => {
  it('a default-deny ingress policy makes wget time out', async () => {
    const r = await wget(snapWith([denyIngress]), 'wget -qO- -T 2 http://web');
    expect([r.exitCode, r.stdout, r.stderr, r.slept]).toEqual([1, '', 'wget: download timed out\n', [2000]]);
  });

  it('a default-deny egress policy also blocks DNS', async () => {
    const r = await wget(snapWith([denyEgress]), 'wget -qO- -T 2 http://web');
    expect([r.exitCode, r.stderr]).toEqual([1, "wget: bad address 'web'\n"]);
  });

  it('egress allowed to DNS on UDP 53 resolves, then the connection is denied', async () => {
    const dns: PolicyRule = { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] };
    const r = await wget(snapWith([clientEgress(dns)]), 'wget -qO- -T 2 http://web');
    expect([r.exitCode, r.stderr]).toEqual([1, 'wget: download timed out\n']);
  });

  it('an allowing policy lets the page through', async () => {
    const r = await wget(snapWith([denyIngress, webIngress({ from: [{ podSelector: { matchLabels: { run: 'client' } } }] })]), 'wget -qO- http://web');
    expect([r.exitCode, r.stdout.slice(0, 15)]).toEqual([0, '<!DOCTYPE html>']);
  });
});

describe('localhost in a pod', () => {
  const web = { namespace: 'default', podIP: '10.244.1.5' };
  it.each([
    ['wget -qO- http://localhost | head -c 15', 0, '<!DOCTYPE html>', ''],
    ['wget -qO- 127.0.0.1:8080', 1, '', "wget: can't connect to remote host (127.0.0.1): Connection refused\n"],
  ])('%s', async (script, code, stdout, stderr) => {
    const { net, log } = sampleNetwork(snapWith([denyIngress]));
    const bash = new Bash({ customCommands: networkCommands(BUSYBOX, { net, self: web, sleep: async () => {} }) });
    const r = await bash.exec(script);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([code, stdout, stderr]);
    if (code === 0) expect(log.lines[0]).toMatch(/ 127\.0\.0\.1 - - \[/);
  });
});
