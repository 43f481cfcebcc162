import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { rawResourceReplicas, resourceReplicas, type CalculatorConfig, type ResourceInputs } from './replica-calculator.js';
import { StaticMetrics } from './testing.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const cfg: CalculatorConfig = { tolerance: 0.1, cpuInitializationMs: 300_000, initialReadinessDelayMs: 30_000, now: () => NOW };
const ago = (ms: number) => new Date(NOW - ms).toISOString();

interface PodOpts { phase?: string; ready?: boolean; startedAgo?: number; readySinceAgo?: number; request?: string; deleting?: boolean }

function pod(name: string, o: PodOpts = {}): Obj {
  return {
    metadata: { name, namespace: 'default', labels: { app: 'web' }, ...(o.deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { containers: [{ name: 'app', resources: { requests: { cpu: o.request ?? '100m', memory: '100Mi' } } }] },
    status: {
      phase: o.phase ?? 'Running', startTime: ago(o.startedAgo ?? 3_600_000),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: ago(o.readySinceAgo ?? 3_500_000) }],
    },
  };
}

function metrics(usage: Record<string, string>, resource = 'cpu', sampledAgo = 10_000) {
  const src = new StaticMetrics();
  src.items = Object.entries(usage).map(([name, v]) => ({
    metadata: { name, namespace: 'default', labels: { app: 'web' } }, timestamp: ago(sampledAgo), window: '15s',
    containers: [{ name: 'app', usage: { [resource]: v } }],
  }));
  return src;
}

const input = (pods: Obj[], src: StaticMetrics, current = pods.length, resource = 'cpu'): ResourceInputs =>
  ({ src, cfg, current, resource, namespace: 'default', selector: 'app=web', pods, container: '' });

interface Case { name: string; pods: Obj[]; usage: Record<string, string>; target: number; want: number; utilization?: number }

const cases: Case[] = [
  { name: 'scales up by the usage ratio', pods: [pod('a'), pod('b')], usage: { a: '100m', b: '100m' }, target: 50, want: 4, utilization: 100 },
  { name: 'stays within the 10% tolerance', pods: [pod('a'), pod('b')], usage: { a: '55m', b: '53m' }, target: 50, want: 2, utilization: 54 },
  { name: 'scales down', pods: [pod('a'), pod('b'), pod('c'), pod('d')], usage: { a: '10m', b: '10m', c: '10m', d: '10m' }, target: 50, want: 1, utilization: 10 },
  { name: 'a pod without metrics counts as idle on a scale-up', pods: [pod('a'), pod('b'), pod('c')], usage: { a: '100m', b: '100m' }, target: 50, want: 4, utilization: 100 },
  { name: 'a pod without metrics counts as at its request on a scale-down', pods: [pod('a'), pod('b'), pod('c')], usage: { a: '10m', b: '10m' }, target: 50, want: 3, utilization: 10 },
  { name: 'a pending pod counts as idle on a scale-up', pods: [pod('a'), pod('b'), pod('p', { phase: 'Pending' })], usage: { a: '100m', b: '100m' }, target: 50, want: 4 },
  { name: 'a pod being deleted is ignored', pods: [pod('a'), pod('b'), pod('d', { deleting: true })], usage: { a: '100m', b: '100m', d: '100m' }, target: 50, want: 4 },
  { name: 'a cpu sample from before a starting pod became ready is not trusted', pods: [pod('a'), pod('b'), pod('s', { startedAgo: 60_000, readySinceAgo: 5_000 })], usage: { a: '100m', b: '100m', s: '500m' }, target: 50, want: 4 },
  { name: 'an unready pod whose idle share would flip the direction leaves things as they are', pods: [pod('a'), pod('u', { ready: false, startedAgo: 60_000, readySinceAgo: 30_000 })], usage: { a: '60m', u: '0m' }, target: 50, want: 2 },
];

describe('resourceReplicas (utilization)', () => {
  it.each(cases)('$name', async ({ pods, usage, target, want, utilization }) => {
    const r = await resourceReplicas(input(pods, metrics(usage)), target);
    expect(r.replicas).toBe(want);
    if (utilization !== undefined) expect(r.utilization).toBe(utilization);
  });

  it('fails without requests, metrics or pods, with upstream wording', async () => {
    const noRequest = { ...pod('a'), spec: { containers: [{ name: 'app' }] } };
    await expect(resourceReplicas(input([noRequest], metrics({ a: '1m' })), 50)).rejects.toThrow('missing request for cpu in container app of Pod a');
    await expect(resourceReplicas(input([pod('a')], metrics({})), 50)).rejects.toThrow('unable to get metrics for resource cpu: no metrics returned from resource metrics API');
    await expect(resourceReplicas(input([], metrics({ a: '1m' })), 50)).rejects.toThrow('no pods returned by selector while calculating replica count');
    await expect(resourceReplicas(input([pod('p', { phase: 'Pending' })], metrics({ p: '1m' })), 50)).rejects.toThrow('did not receive metrics for any ready pods');
  });
});

describe('rawResourceReplicas (average value)', () => {
  it('scales by the average usage per pod', async () => {
    const r = await rawResourceReplicas(input([pod('a'), pod('b')], metrics({ a: '200Mi', b: '100Mi' }, 'memory'), 2, 'memory'), 100 * 1024 * 1024 * 1000);
    expect(r.usage).toBe(150 * 1024 * 1024 * 1000);
    expect(r.replicas).toBe(3);
  });
});
