// kubectl top node|pod: resource usage from the metrics.k8s.io API (metrics-server) in kubectl's
// columns; a cluster without that API gets `error: Metrics API not available`, as the real one.
import type { Ctx } from '../../context.js';
import { runTopNode } from './node.js';
import { runTopPod } from './pod.js';

export async function run(ctx: Ctx): Promise<number> {
  return ctx.spec.path[1] === 'node' ? runTopNode(ctx) : runTopPod(ctx);
}
