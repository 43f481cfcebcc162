import { describe, expect, it } from 'vitest';
import { deleteBefore, deletionCost, podsToDelete, rankByRelatedPodsOnSameNode } from './ranking.js';
import { T0, pod, type PodState } from './testdata.js';

const NOW = T0 + 3600_000; // an hour after T0
const running = (s: PodState = {}): PodState => ({ node: 'n1', phase: 'Running', ready: true, readySince: 0, created: 0, ...s });

describe('ActivePodsWithRanks order', () => {
  const cases: { name: string; first: PodState; then: PodState; rank?: [number, number] }[] = [
    { name: 'unassigned before assigned', first: { phase: 'Running', ready: true }, then: running() },
    { name: 'Pending before Unknown', first: running({ phase: 'Pending' }), then: running({ phase: 'Unknown' }) },
    { name: 'Unknown before Running', first: running({ phase: 'Unknown' }), then: running() },
    { name: 'not ready before ready', first: running({ ready: false }), then: running() },
    { name: 'lower deletion cost first', first: running({ cost: '-5' }), then: running({ cost: '10' }) },
    { name: 'more co-located pods first', first: running(), then: running(), rank: [3, 1] },
    { name: 'ready for less time first (other log2 bucket)', first: running({ readySince: 3000 }), then: running({ readySince: 10 }) },
    { name: 'more restarts first', first: running({ restarts: 4 }), then: running({ restarts: 1 }) },
    { name: 'newer first', first: running({ created: 3500 }), then: running({ created: 100 }) },
    { name: 'deletion cost outranks co-location', first: running({ cost: '1' }), then: running({ cost: '2' }), rank: [0, 5] },
  ];
  it.each(cases)('$name', ({ first, then, rank }) => {
    const a = { pod: pod('a', first), rank: rank?.[0] ?? 0 };
    const b = { pod: pod('b', then), rank: rank?.[1] ?? 0 };
    expect(deleteBefore(a, b, NOW)).toBe(true);
    expect(deleteBefore(b, a, NOW)).toBe(false);
  });

  it('puts creation times in the same log2 bucket together and breaks the tie by uid', () => {
    // 700 s and 600 s old: both in the 2^39 ns bucket, so the older pod with the lower uid goes first
    const older = { pod: pod('a-older', running({ created: 2900 })), rank: 0 };
    const newer = { pod: pod('b-newer', running({ created: 3000 })), rank: 0 };
    expect(deleteBefore(older, newer, NOW)).toBe(true);
    expect(deleteBefore(newer, older, NOW)).toBe(false);
    // 1100 s old falls in the next bucket: the newer pod goes first again
    const oldest = { pod: pod('a-oldest', running({ created: 2500 })), rank: 0 };
    expect(deleteBefore(newer, oldest, NOW)).toBe(true);
  });
});

describe('deletion cost annotation', () => {
  it.each([
    ['7', 7], ['-3', -3], ['0', 0], ['-01', -1], ['+5', 0], ['007', 0], ['x', 0], ['2147483648', 0],
  ])('%s → %d', (v, want) => {
    expect(deletionCost(pod('p', { cost: v }))).toBe(want);
  });
});

describe('podsToDelete', () => {
  it('ranks by related pods on the same node', () => {
    const related = [pod('r1', running({ node: 'n1' })), pod('r2', running({ node: 'n1' })), pod('r3', running({ node: 'n2' }))];
    const ranked = rankByRelatedPodsOnSameNode([pod('x', running({ node: 'n1' })), pod('y', running({ node: 'n2' }))], related);
    expect(ranked.map((r) => r.rank)).toEqual([2, 1]);
    expect(podsToDelete(ranked.map((r) => r.pod), related, 1, NOW).map((p) => p.metadata.name)).toEqual(['x']);
  });

  it('takes every pod without sorting when all go', () => {
    const pods = [pod('a', running()), pod('b', running({ ready: false }))];
    expect(podsToDelete(pods, [], 2, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
});
