import { describe, expect, it } from 'vitest';
import { CycleState } from '../types.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { fixedHandle, listerOf, makeNode, nodeInfo, podInfo } from '../testing.js';
import { podTopologySpread } from './pod-topology-spread.js';

const ZONE = 'topology.kubernetes.io/zone';
const spread = (maxSkew: number, whenUnsatisfiable = 'DoNotSchedule', extra: Record<string, unknown> = {}) =>
  ({ topologySpreadConstraints: [{ maxSkew, topologyKey: ZONE, whenUnsatisfiable, labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });
const web = (name: string, node: string) => podInfo(name, { nodeName: node, labels: { app: 'web' } });

/** Zone a has 2 web pods (n1), zone b has 0 (n2), n3 has no zone label. */
function cluster(): NodeInfo[] {
  return [
    nodeInfo(makeNode('n1', { labels: { [ZONE]: 'a' } }), [web('w1', 'n1'), web('w2', 'n1')]),
    nodeInfo(makeNode('n2', { labels: { [ZONE]: 'b' } })),
    nodeInfo(makeNode('n3')),
  ];
}

function filterAll(pod: PodInfo, nodes: NodeInfo[]): string[] {
  const pl = podTopologySpread(fixedHandle(nodes));
  const state = new CycleState();
  const pre = pl.preFilter(state, pod);
  return nodes.map((n) => (pre?.status?.code === 'Skip' ? 'ok' : (pl.filter(state, pod, n)?.reasons.join() ?? 'ok')));
}

const SKEW = "node(s) didn't match pod topology spread constraints";

describe('PodTopologySpread filter', () => {
  const LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
  const cases = [
    { name: 'no constraints', spec: {}, labels: { app: 'web' }, want: ['ok', 'ok', 'ok'] },
    { name: 'maxSkew 1: only the empty zone', spec: spread(1), labels: { app: 'web' }, want: [SKEW, 'ok', LABEL] },
    { name: 'maxSkew 3 allows the full zone', spec: spread(3), labels: { app: 'web' }, want: ['ok', 'ok', LABEL] },
    { name: 'a pod the selector does not match adds no skew', spec: spread(2), labels: { app: 'other' }, want: ['ok', 'ok', LABEL] },
    { name: 'ScheduleAnyway does not filter', spec: spread(1, 'ScheduleAnyway'), labels: { app: 'web' }, want: ['ok', 'ok', 'ok'] },
  ];
  for (const c of cases) it(c.name, () => expect(filterAll(podInfo('p', { labels: c.labels, spec: c.spec }), cluster())).toEqual(c.want));

  it('treats the global minimum as 0 while there are fewer domains than minDomains', () => {
    const nodes = cluster();
    nodes[1]!.addPod(web('w3', 'n2'));
    const pod = (extra: Record<string, unknown>) => podInfo('p', { labels: { app: 'web' }, spec: spread(2, 'DoNotSchedule', extra) });
    expect(filterAll(pod({}), nodes)[0]).toBe('ok');
    expect(filterAll(pod({ minDomains: 3 }), nodes)[0]).toBe(SKEW);
  });

  it('honours the pod node affinity when counting domains (nodeAffinityPolicy Honor)', () => {
    const nodes = [...cluster(), nodeInfo(makeNode('n4', { labels: { [ZONE]: 'c', pool: 'x' } }))];
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { ...spread(1), nodeSelector: { [ZONE]: 'a' } } });
    // Only zone a is eligible, so its 2 pods are the minimum: skew 2 + 1 - 2 = 1.
    expect(filterAll(pod, nodes)[0]).toBe('ok');
  });
});

describe('PodTopologySpread score', () => {
  it('prefers the zone with fewer matching pods (ScheduleAnyway)', () => {
    const nodes = cluster().slice(0, 2);
    const pl = podTopologySpread(fixedHandle(nodes));
    const pod = podInfo('p', { labels: { app: 'web' }, spec: spread(1, 'ScheduleAnyway') });
    const state = new CycleState();
    expect(pl.preScore!(state, pod, nodes)).toBe(true);
    const scores = nodes.map((n) => pl.score(state, pod, n));
    // 2 pods × ln(2 zones + 2) = 2.77 → 3; 0 pods → 0.
    expect(scores).toEqual([3, 0]);
    pl.normalize!(state, pod, scores, nodes);
    expect(scores).toEqual([0, 100]);
  });

  it('applies the system default constraints to pods a Service selects', () => {
    const nodes = cluster().slice(0, 2);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } };
    const pl = podTopologySpread(fixedHandle(nodes, { services: listerOf([svc]) }));
    const state = new CycleState();
    expect(pl.preScore!(state, podInfo('p', { labels: { app: 'web' } }), nodes)).toBe(true);
    expect(pl.preScore!(new CycleState(), podInfo('q', { labels: { app: 'lonely' } }), nodes)).toBe(false);
  });
});
