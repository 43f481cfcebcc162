// kubectl rollout resume: spec.paused cleared on paused Deployments (`resumed`); one that is not
// paused, or any other kind, is an error for that object.
import type { Ctx } from '../../context.js';
import { rec, type Json } from '../workload/json-values.js';
import { isDeployment } from './restart.js';
import { runObjectPatch } from './object-patch.js';

export function resumer(obj: Json): void {
  if (!isDeployment(obj)) throw new Error('resuming is not supported');
  const spec = rec(obj.spec);
  if (spec.paused !== true) throw new Error('is not paused');
  obj.spec = { ...spec, paused: false };
}

export function run(ctx: Ctx): Promise<number> {
  return runObjectPatch(ctx, { done: 'resumed', change: resumer, unchanged: () => ({ print: 'already resumed' }) });
}
