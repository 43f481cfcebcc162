import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { fixedHandle, makeNode, nodeInfo, podInfo } from '../testing.js';
import { interPodAffinity } from './inter-pod-affinity.js';

const ZONE = 'topology.kubernetes.io/zone';
const term = (app: string, topologyKey = ZONE) => ({ labelSelector: { matchLabels: { app } }, topologyKey });
const affinity = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: unknown[]) => ({ affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });

/** Two zones: n1 (zone a) runs `db`; n2 (zone b) runs `web` with anti-affinity to `batch` pods. */
function cluster(): NodeInfo[] {
  const db = podInfo('db', { nodeName: 'n1', labels: { app: 'db' } });
  const web = podInfo('web', { nodeName: 'n2', labels: { app: 'web' }, spec: affinity('podAntiAffinity', term('batch')) });
  return [
    nodeInfo(makeNode('n1', { labels: { [ZONE]: 'a' } }), [db]),
    nodeInfo(makeNode('n2', { labels: { [ZONE]: 'b' } }), [web]),
    nodeInfo(makeNode('n3', { labels: { [ZONE]: 'b' } })),
    nodeInfo(makeNode('n4')),
  ];
}

function filterAll(pod: PodInfo, nodes: NodeInfo[]): Record<string, string> {
  const pl = interPodAffinity(fixedHandle(nodes));
  const state = new CycleState();
  const pre = pl.preFilter(state, pod);
  const out: Record<string, string> = {};
  for (const n of nodes) out[n.name] = pre?.status?.code === 'Skip' ? 'ok' : (pl.filter(state, pod, n)?.reasons.join() ?? 'ok');
  return out;
}

describe('InterPodAffinity filter', () => {
  const AFF = "node(s) didn't match pod affinity rules";
  const ANTI = "node(s) didn't match pod anti-affinity rules";
  const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";
  const cases = [
    { name: 'no affinity anywhere relevant', pod: podInfo('p', { labels: { app: 'x' } }), want: { n1: 'ok', n2: 'ok', n3: 'ok', n4: 'ok' } },
    { name: 'affinity to db: only its zone', pod: podInfo('p', { spec: affinity('podAffinity', term('db')) }), want: { n1: 'ok', n2: AFF, n3: AFF, n4: AFF } },
    { name: 'anti-affinity to db: not its zone, nodes without the key are fine', pod: podInfo('p', { spec: affinity('podAntiAffinity', term('db')) }), want: { n1: ANTI, n2: 'ok', n3: 'ok', n4: 'ok' } },
    { name: "web's anti-affinity keeps batch pods out of zone b", pod: podInfo('p', { labels: { app: 'batch' } }), want: { n1: 'ok', n2: EXISTING, n3: EXISTING, n4: 'ok' } },
    { name: 'first pod of a self-affine group goes where the key exists', pod: podInfo('p', { labels: { app: 'cache' }, spec: affinity('podAffinity', term('cache')) }), want: { n1: 'ok', n2: 'ok', n3: 'ok', n4: AFF } },
    { name: 'namespaces restrict the match', pod: podInfo('p', { spec: affinity('podAffinity', { ...term('db'), namespaces: ['other'] }) }), want: { n1: AFF, n2: AFF, n3: AFF, n4: AFF } },
  ];
  for (const c of cases) it(c.name, () => expect(filterAll(c.pod, cluster())).toEqual(c.want));

  it('follows pods removed by preemption (RemovePod)', () => {
    const nodes = cluster();
    const pl = interPodAffinity(fixedHandle(nodes));
    const pod = podInfo('p', { spec: affinity('podAntiAffinity', term('db')) });
    const state = new CycleState();
    pl.preFilter(state, pod);
    const n1 = nodes[0]!.clone();
    pl.removePod!(state, pod, n1.pods[0]!, n1);
    expect(pl.filter(state, pod, n1)).toBeNull();
  });
});

describe('InterPodAffinity score', () => {
  it('adds preferred weights by topology and normalises between min and max', () => {
    const nodes = cluster();
    const pl = interPodAffinity(fixedHandle(nodes));
    const pod = podInfo('p', { spec: { affinity: {
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db') }] },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term('web') }] },
    } } });
    const state = new CycleState();
    expect(pl.preScore!(state, pod, nodes)).toBe(true);
    const scores = nodes.map((n) => pl.score(state, pod, n));
    expect(scores).toEqual([10, -5, -5, 0]);
    pl.normalize!(state, pod, scores, nodes);
    expect(scores).toEqual([100, 0, 0, 33]);
  });
});
