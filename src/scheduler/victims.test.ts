import { describe, expect, it } from 'vitest';
import type { Obj } from '../client/types.js';
import { Framework } from './framework.js';
import { Nominator } from './nominator.js';
import { defaultProfile } from './profile.js';
import { fixedHandle, makeNode, nodeInfo, podInfo } from './testing.js';
import { CycleState } from './types.js';
import { pickOneNode, selectVictimsOnNode, splitByPdbViolation, type Candidate } from './victims.js';

const pdb = (app: string, allowed: number, disrupted: Record<string, string> = {}): Obj =>
  ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: app, namespace: 'default' }, spec: { selector: { matchLabels: { app } } }, status: { disruptionsAllowed: allowed, disruptedPods: disrupted } });

describe('splitByPdbViolation', () => {
  const pods = [podInfo('a1', { labels: { app: 'a' } }), podInfo('a2', { labels: { app: 'a' } }), podInfo('b1', { labels: { app: 'b' } }), podInfo('bare')];
  const cases = [
    { name: 'no budgets', pdbs: [], want: [[], ['a1', 'a2', 'b1', 'bare']] },
    { name: 'one disruption allowed for app a', pdbs: [pdb('a', 1)], want: [['a2'], ['a1', 'a2', 'b1', 'bare'].filter((n) => n !== 'a2')] },
    { name: 'already disrupted pods do not count', pdbs: [pdb('a', 0, { a1: '2026-01-01T00:00:00Z' })], want: [['a2'], ['a1', 'b1', 'bare']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [v, ok] = splitByPdbViolation(pods, c.pdbs);
      expect([v.map((p) => p.name), ok.map((p) => p.name)]).toEqual(c.want);
    });
  }
});

describe('selectVictimsOnNode', () => {
  it('evicts the fewest, least important pods and reprieves the rest', () => {
    const node = nodeInfo(makeNode('n', { cpu: '4' }), [
      podInfo('p1', { cpu: '1', priority: 1, nodeName: 'n' }),
      podInfo('p5', { cpu: '1', priority: 5, nodeName: 'n' }),
      podInfo('p9', { cpu: '2', priority: 9, nodeName: 'n' }),
      podInfo('top', { cpu: '0', priority: 100, nodeName: 'n' }),
    ]);
    const fw = new Framework(defaultProfile(fixedHandle([node])), fixedHandle([node]), new Nominator());
    const state = new CycleState();
    const pod = podInfo('new', { cpu: '2', priority: 10 });
    for (const pl of fw.profile.preFilter) pl.preFilter(state, pod);
    const r = selectVictimsOnNode(fw, state, pod, node.clone(), []) as Candidate;
    expect(r.victims.map((v) => v.name)).toEqual(['p5', 'p1']);
    expect(r.pdbViolations).toBe(0);
  });

  it('says there are no victims when every pod outranks the preemptor', () => {
    const node = nodeInfo(makeNode('n', { cpu: '1' }), [podInfo('big', { cpu: '1', priority: 50, nodeName: 'n' })]);
    const fw = new Framework(defaultProfile(fixedHandle([node])), fixedHandle([node]), new Nominator());
    expect(selectVictimsOnNode(fw, new CycleState(), podInfo('new', { cpu: '1', priority: 10 }), node.clone(), [])).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'] });
  });
});

describe('pickOneNode', () => {
  const c = (node: string, priorities: number[], pdbViolations = 0, startTimes: (string | undefined)[] = []): Candidate =>
    ({ node, pdbViolations, victims: priorities.map((p, i) => podInfo(`${node}-${i}`, { priority: p, ...(startTimes[i] ? { status: { startTime: startTimes[i] } } : {}) })) });
  const now = Date.parse('2026-01-02T00:00:00Z');
  const cases = [
    { name: 'fewest PDB violations', cands: [c('a', [1], 1), c('b', [5], 0)], want: 'b' },
    { name: 'lowest highest-priority victim', cands: [c('a', [5, 1]), c('b', [3, 3])], want: 'b' },
    { name: 'smallest priority sum', cands: [c('a', [3, 2]), c('b', [3, 1])], want: 'b' },
    { name: 'fewest victims', cands: [c('a', [3, -1, -1]), c('b', [3, -1])], want: 'b' },
    { name: 'latest start of the most important victims', cands: [c('a', [3], 0, ['2026-01-01T00:00:00Z']), c('b', [3], 0, ['2026-01-01T05:00:00Z'])], want: 'b' },
    { name: 'first on a full tie', cands: [c('a', [3]), c('b', [3])], want: 'a' },
  ];
  for (const t of cases) it(t.name, () => expect(pickOneNode(t.cands, now)?.node).toBe(t.want));
});
