import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { ApiError, type Client, type ListOptions, type Obj, type ResourceRef } from '../../client/types.js';
import { HorizontalController } from './horizontal.js';
import { POD_METRICS } from './metrics.js';
import { StaticMetrics, hpaEnv } from './testing.js';
import type { HPA, ScalingRules } from './types.js';


const deployment = (replicas: number): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', generation: 1 },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: {} } },
  status: { replicas },
});

const pod = (name: string): Obj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  status: { phase: 'Running', startTime: '2025-12-31T00:00:00Z', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-12-31T00:00:10Z' }] },
});

function hpa(extra: Partial<NonNullable<HPA['spec']>> = {}, name = 'web'): HPA {
  return {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'default', generation: 1 },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], ...extra,
    },
  };
}

async function setup(opts: { replicas: number; pods?: number; usage?: string; hpas?: HPA[]; metrics?: StaticMetrics | 'none' }) {
  const env = hpaEnv();
  env.fake.seed(REFS.deployments, deployment(opts.replicas));
  const names = Array.from({ length: opts.pods ?? opts.replicas }, (_v, i) => `web-${i}`);
  env.fake.seed(REFS.pods, ...names.map(pod));
  env.fake.seed(REFS.hpas, ...(opts.hpas ?? [hpa()]));
  const src = opts.metrics === 'none' ? undefined : (opts.metrics ?? new StaticMetrics());
  const setUsage = (cpu: string) => {
    if (src) src.items = names.map((n) => ({ metadata: { name: n, namespace: 'default', labels: { app: 'web' } }, timestamp: new Date(env.clock.now() - 10_000).toISOString(), window: '15s', containers: [{ name: 'app', usage: { cpu } }] }));
  };
  setUsage(opts.usage ?? '50m');
  const c = new HorizontalController(env.ctx, src ? { metrics: src } : {});
  await env.ctx.informers.start();
  const events = async () => {
    await env.ctx.recorder.flush();
    return (env.fake.all(REFS.events) as unknown as { reason: string; message: string; type: string; source: { component: string } }[]).map((e) => [e.type, e.reason, e.message]);
  };
  const status = () => env.fake.peek<HPA>(REFS.hpas, 'default', 'web')!.status!;
  const replicas = () => (env.fake.peek(REFS.deployments, 'default', 'web')!.spec as { replicas: number }).replicas;
  return { ...env, c, events, status, replicas, setUsage };
}

const cond = (s: HPA['status'], type: string) => s?.conditions?.find((c) => c.type === type);

describe('horizontalpodautoscaling without metrics-server', () => {
  it('reports what a real cluster without metrics.k8s.io shows', async () => {
    const t = await setup({ replicas: 2, metrics: 'none' });
    const list = t.fake.list.bind(t.fake);
    t.fake.list = (async (ref: ResourceRef, ns: string, o?: ListOptions) => {
      if (ref.group === POD_METRICS.group) throw new ApiError({ code: 404, reason: 'NotFound', message: '404 page not found' });
      return list(ref, ns, o);
    }) as Client['list'];
    expect(await t.c.reconcile('default/web')).toEqual({ requeueAfter: 15_000 });
    const fetchErr = 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
    expect(t.status()).toEqual({
      currentReplicas: 2, desiredReplicas: 0, currentMetrics: [{ type: '' }],
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${fetchErr}` },
      ],
    });
    expect(await t.events()).toEqual([
      ['Warning', 'FailedGetResourceMetric', fetchErr],
      ['Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${fetchErr}`],
    ]);
    expect(t.fake.actions.filter((a) => a.resource !== 'events').map((a) => `${a.verb} ${a.resource}/${a.subresource}`)).toEqual(['update horizontalpodautoscalers/status']);
    // Nothing changed: the next sync writes nothing, the events only count up.
    t.clock.advance(15_000);
    await t.c.reconcile('default/web');
    expect(t.fake.actions.filter((a) => a.resource === 'horizontalpodautoscalers')).toHaveLength(1);
  });
});

describe('horizontalpodautoscaling with metrics', () => {
  it('scales up, capped at max(2 × current, 4) without a behavior', async () => {
    const t = await setup({ replicas: 2, usage: '200m' });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(4);
    expect(t.fake.actions.map((a) => `${a.verb} ${a.resource}/${a.subresource}`)).toContain('update deployments/scale');
    const s = t.status();
    expect(s).toMatchObject({
      currentReplicas: 2, desiredReplicas: 4, lastScaleTime: '2026-01-01T00:00:00Z',
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '200m', averageUtilization: 200 } } }],
    });
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['AbleToScale', 'True', 'SucceededRescale', 'the HPA controller was able to update the target scale to 4'],
      ['ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)'],
      ['ScalingLimited', 'True', 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'],
    ]);
    expect(await t.events()).toEqual([['Normal', 'SuccessfulRescale', 'New size: 4; reason: cpu resource utilization (percentage of request) above target']]);
  });

  it('does nothing within the tolerance', async () => {
    const t = await setup({ replicas: 2, usage: '52m' });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(2);
    expect(t.status()).toMatchObject({ currentReplicas: 2, desiredReplicas: 2 });
    expect(t.status().lastScaleTime).toBeUndefined();
    expect(cond(t.status(), 'AbleToScale')).toMatchObject({ reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
    expect(cond(t.status(), 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
  });

  it('waits out the 5-minute downscale stabilization window', async () => {
    const t = await setup({ replicas: 4, usage: '5m' });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(4);
    expect(cond(t.status(), 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
    t.clock.advance(240_000);
    t.setUsage('5m');
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(4);
    t.clock.advance(61_000);
    t.setUsage('5m');
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(1);
    expect((await t.events()).at(-1)).toEqual(['Normal', 'SuccessfulRescale', 'New size: 1; reason: All metrics below target']);
  });

  it('applies behavior policies per period', async () => {
    const scaleUp: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] };
    const t = await setup({ replicas: 2, usage: '400m', hpas: [hpa({ behavior: { scaleUp } })] });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(3);
    expect(cond(t.status(), 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    t.clock.advance(15_000);
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(3);
    t.clock.advance(50_000);
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(4);
  });

  it('scales an AverageValue target', async () => {
    const t = await setup({ replicas: 2, usage: '300m', hpas: [hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }] })] });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(4);
    expect(t.status().currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '300m' } } }]);
  });
});

describe('horizontalpodautoscaling bounds and targets', () => {
  it('brings replicas within min and max first', async () => {
    const t = await setup({ replicas: 12, usage: '50m' });
    await t.c.reconcile('default/web');
    expect(t.replicas()).toBe(10);
    expect(await t.events()).toEqual([['Normal', 'SuccessfulRescale', 'New size: 10; reason: Current number of replicas above Spec.MaxReplicas']]);
  });

  it('does not scale a target scaled to zero', async () => {
    const t = await setup({ replicas: 0, pods: 0 });
    await t.c.reconcile('default/web');
    expect(cond(t.status(), 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    expect(t.status().desiredReplicas).toBe(0);
  });

  it('reports a missing target', async () => {
    const t = await setup({ replicas: 1, hpas: [hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nope' } })] });
    await t.c.reconcile('default/web');
    expect(cond(t.status(), 'AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "nope" not found' });
    expect(await t.events()).toEqual([['Warning', 'FailedGetScale', 'deployments.apps "nope" not found']]);
    expect(t.logs.join('\n')).toContain('failed to query scale subresource for Deployment/default/nope');
  });

  it('reports a kind without a scale subresource', async () => {
    const t = await setup({ replicas: 1, hpas: [hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'web' } })] });
    await t.c.reconcile('default/web');
    expect(await t.events()).toEqual([['Warning', 'FailedGetScale', 'no matches for kind "DaemonSet" in group "apps"']]);
  });

  it('refuses two HPAs over the same pods', async () => {
    const t = await setup({ replicas: 2, usage: '200m', hpas: [hpa(), hpa({}, 'web-2')] });
    await t.c.reconcile('default/web');
    await t.c.reconcile('default/web-2');
    const msg = 'pods by selector app=web are controlled by multiple HPAs: [default/web default/web-2]';
    expect(cond(t.fake.peek<HPA>(REFS.hpas, 'default', 'web-2')!.status, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'AmbiguousSelector', message: msg });
    expect(await t.events()).toContainEqual(['Warning', 'AmbiguousSelector', msg]);
  });

  it('syncs a new HPA one period after it appears, and forgets a deleted one', async () => {
    const t = await setup({ replicas: 2 });
    expect(t.c.queue.length).toBe(0);
    t.clock.advance(15_000);
    expect(t.c.queue.length).toBe(1);
    await t.fake.delete(REFS.hpas, 'default', 'web');
    expect(await t.c.reconcile('default/web')).toBeUndefined();
  });
});

