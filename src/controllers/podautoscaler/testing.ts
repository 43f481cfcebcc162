// What the HPA tests need beyond the framework's fake: a fake client that serves the /scale
// subresource as the apiserver does (autoscaling/v1 Scale; writes change spec.replicas only),
// and a metrics source that hands out the PodMetrics a test sets.
import { FakeClient } from '../framework/fake-client.js';
import { FakeClock } from '../framework/testing.js';
import { InformerFactory } from '../framework/informer.js';
import { CoreEventRecorder } from '../framework/events.js';
import type { ControllerContext } from '../framework/controller.js';
import type { Obj, ResourceRef, WriteOptions } from '../../client/types.js';
import { matchesLabels, parseLabelSelector } from '../../api/selectors/labels.js';
import { selectorString } from '../../api/http/selector-string.js';
import type { MetricsSource, PodMetricsItem } from './metrics.js';
import type { Scale } from './types.js';

function toScale(o: Obj): Scale {
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: Record<string, unknown> };
  const status = (o.status ?? {}) as { replicas?: number };
  const sel = spec.selector && !('matchLabels' in spec.selector) && !('matchExpressions' in spec.selector) ? { matchLabels: spec.selector } : spec.selector;
  return {
    apiVersion: 'autoscaling/v1', kind: 'Scale',
    metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(sel) },
  };
}

export class ScaleFakeClient extends FakeClient {
  override async get<T extends Obj>(ref: ResourceRef, ns: string, name: string, sub?: string): Promise<T> {
    const o = await super.get<T>(ref, ns, name);
    return (sub === 'scale' ? toScale(o) : o) as T;
  }

  override async update<T extends Obj>(ref: ResourceRef, obj: Obj, o: WriteOptions = {}): Promise<T> {
    if (o.subresource !== 'scale') return super.update<T>(ref, obj, o);
    const cur = await super.get(ref, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    const replicas = (obj.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    const next = { ...cur, metadata: { ...cur.metadata, resourceVersion: obj.metadata.resourceVersion ?? cur.metadata.resourceVersion }, spec: { ...(cur.spec as object), replicas } };
    const out = await super.update(ref, next);
    const last = this.actions[this.actions.length - 1];
    if (last) last.subresource = 'scale';
    return toScale(out) as T;
  }
}

/** A MetricsSource a test fills; `fail` makes it throw as an unavailable API would. */
export class StaticMetrics implements MetricsSource {
  items: PodMetricsItem[] = [];
  fail: Error | undefined;

  async podMetrics(namespace: string, labelSelector: string): Promise<PodMetricsItem[]> {
    if (this.fail) throw this.fail;
    const sel = parseLabelSelector(labelSelector);
    return this.items.filter((m) => m.metadata.namespace === namespace && matchesLabels(sel, m.metadata.labels));
  }
}

export interface HPAEnv {
  fake: ScaleFakeClient;
  clock: FakeClock;
  ctx: ControllerContext;
  logs: string[];
}

/** fakeEnv() over a ScaleFakeClient, with the HPA's event source. */
export function hpaEnv(flags: Record<string, string> = {}): HPAEnv {
  const clock = new FakeClock();
  const fake = new ScaleFakeClient(clock.now);
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const ctx: ControllerContext = {
    client: fake,
    informers: new InformerFactory(fake, { log }),
    recorder: new CoreEventRecorder(fake, { component: 'horizontal-pod-autoscaler', now: clock.now, log }),
    now: clock.now, log, timers: clock, flags,
  };
  return { fake, clock, ctx, logs };
}
