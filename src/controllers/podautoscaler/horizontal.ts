// The horizontalpodautoscaling controller (HorizontalController): every
// --horizontal-pod-autoscaler-sync-period (15 s) each HPA reads its target's /scale, computes a
// replica count from its metrics, normalizes it (min/max, stabilization, behavior policies),
// writes the target's scale if it changed (SuccessfulRescale "New size: N; reason: …") and its
// own status: currentReplicas, desiredReplicas, currentMetrics, lastScaleTime, conditions.
// Like upstream, an HPA is first synced one period after it is seen, not at once.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { durationMs, newQueue } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { keyOf, type Obj } from '../../client/types.js';
import { ResourceMetricsAPI, type MetricsSource } from './metrics.js';
import { ScaleHistory } from './normalize.js';
import { reconcileAutoscaler, type AutoscalerEnv } from './reconcile.js';
import { HPA_COMPONENT, type HPA } from './types.js';

export interface HorizontalOptions {
  /** Where resource metrics come from; the metrics.k8s.io API through the client by default. */
  metrics?: MetricsSource;
}

export class HorizontalController implements Reconciler {
  readonly name = 'horizontalpodautoscaling';
  readonly queue;
  private readonly env: AutoscalerEnv;
  private readonly syncMs: number;

  constructor(ctx: ControllerContext, opts: HorizontalOptions = {}) {
    this.queue = newQueue(ctx);
    const f = ctx.flags ?? {};
    this.syncMs = durationMs(f['horizontal-pod-autoscaler-sync-period'], 15_000);
    const tolerance = Number(f['horizontal-pod-autoscaler-tolerance'] ?? '0.1');
    const hpas = ctx.informers.for<HPA>(REFS.hpas);
    this.env = {
      ctx,
      hpas,
      pods: ctx.informers.for<Obj>(REFS.pods),
      src: opts.metrics ?? new ResourceMetricsAPI(ctx.client),
      history: new ScaleHistory(),
      selectors: new Map(),
      downscaleWindowMs: durationMs(f['horizontal-pod-autoscaler-downscale-stabilization'], 300_000),
      cfg: {
        tolerance: Number.isFinite(tolerance) ? tolerance : 0.1,
        cpuInitializationMs: durationMs(f['horizontal-pod-autoscaler-cpu-initialization-period'], 300_000),
        initialReadinessDelayMs: durationMs(f['horizontal-pod-autoscaler-initial-readiness-delay'], 30_000),
        now: ctx.now,
      },
    };
    hpas.on({
      add: (h) => this.queue.addAfter(keyOf(h), this.syncMs),
      update: (o, h) => { if (o.metadata.generation !== h.metadata.generation) this.queue.addAfter(keyOf(h), this.syncMs); },
      delete: (h) => this.forget(keyOf(h)),
    });
  }

  private forget(key: string): void {
    this.env.history.forget(key);
    this.env.selectors.delete(key);
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const hpa = this.env.hpas.get(key);
    if (!hpa) {
      this.forget(key);
      return;
    }
    try {
      await reconcileAutoscaler(this.env, hpa, key);
    } catch (err) {
      this.env.ctx.log(`horizontal-pod-autoscaler: ${key}: ${(err as Error).message}`);
    }
    return { requeueAfter: this.syncMs };
  }
}

export const horizontalPodAutoscalerController: ControllerDef = {
  name: 'horizontalpodautoscaling',
  serviceAccount: 'horizontal-pod-autoscaler',
  component: HPA_COMPONENT,
  workers: 1,
  create: (ctx) => new HorizontalController(ctx),
};
