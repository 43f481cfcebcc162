// metrics-server's storage rules (pkg/storage): windows between scrapes, the fresh-container
// exception, restarts, and whole pods only.
import { describe, expect, it } from 'vitest';
import { nodeValues, podValues, RESOLUTION_MS, resourceUsage, scrapeTimes } from './points.js';
import type { MetricsPoint, NodeBatch } from './types.js';

const S = 1000;
const pt = (startTime: number, timestamp: number, cpuMs: number, memory = 4096n): MetricsPoint => ({ startTime, timestamp, cumulativeCpu: BigInt(cpuMs) * 1_000_000n, memory });
const batch = (at: number, containers: Record<string, MetricsPoint>, node = pt(0, at, at / 10)): NodeBatch => ({
  node: 'node01', point: node, pods: [{ namespace: 'default', name: 'web', containers: new Map(Object.entries(containers)) }],
});

describe('scrapeTimes', () => {
  it.each([
    [0, -1, []], [0, 0, [0]], [0, 14_999, [0]], [0, 15_000, [0, 15_000]], [1000, 47_000, [31_000, 46_000]],
  ])('first %i, now %i: %j', (first, now, want) => expect(scrapeTimes(first, now)).toEqual(want));
});

describe('resourceUsage', () => {
  it('is the CPU used over the window and the last working set', () => {
    expect(resourceUsage(pt(0, 30 * S, 450), pt(0, 15 * S, 300, 1n))).toEqual({ timestamp: 30 * S, windowMs: 15 * S, usage: { nanoCores: 10_000_000n, memoryBytes: 4096n } });
  });
  it('refuses a sample that goes back', () => {
    expect(resourceUsage(pt(0, 30 * S, 100), pt(0, 15 * S, 300))).toBeUndefined();
    expect(resourceUsage(pt(0, 30 * S, 400), pt(5, 15 * S, 300))).toBeUndefined();
  });
});

describe('nodeValues', () => {
  it('needs two scrapes', () => {
    const last = [batch(30 * S, {})];
    expect(nodeValues(last, undefined).size).toBe(0);
    expect(nodeValues(last, [batch(15 * S, {})]).get('node01')).toEqual({ timestamp: 30 * S, windowMs: RESOLUTION_MS, usage: { nanoCores: 100_000_000n, memoryBytes: 4096n } });
  });
});

describe('podValues', () => {
  it('compares a container running in both scrapes', () => {
    const v = podValues([batch(30 * S, { nginx: pt(S, 30 * S, 30) })], [batch(15 * S, { nginx: pt(S, 15 * S, 15) })]);
    expect(v.get('default/web')).toEqual({ timestamp: 30 * S, windowMs: 15 * S, containers: [{ name: 'nginx', usage: { nanoCores: 1_000_000n, memoryBytes: 4096n } }] });
  });

  it.each([
    ['started 12s before the scrape: from its start', 18 * S, true],
    ['started 9s before the scrape: not yet', 21 * S, false],
    ['started exactly 10s before', 20 * S, true],
  ])('a fresh container %s', (_n, start, has) => {
    const v = podValues([batch(30 * S, { c: pt(start, 30 * S, 24) })], undefined);
    expect(v.has('default/web')).toBe(has);
    if (has) expect(v.get('default/web')!.windowMs).toBe(30 * S - start);
  });

  it('drops a container restarted since the previous scrape, and its pod with it', () => {
    const last = [batch(45 * S, { a: pt(S, 45 * S, 45), b: pt(40 * S, 45 * S, 1) })];
    const prev = [batch(30 * S, { a: pt(S, 30 * S, 30), b: pt(2 * S, 30 * S, 9) })];
    expect(podValues(last, prev).has('default/web')).toBe(false);
  });
});
