// kubectl rollout pause: spec.paused set on Deployments (`paused`); an already paused one, or any
// other kind, is an error for that object.
import type { Ctx } from '../../context.js';
import { rec, type Json } from '../workload/json-values.js';
import { isDeployment } from './restart.js';
import { runObjectPatch } from './object-patch.js';

export function pauser(obj: Json): void {
  if (!isDeployment(obj)) throw new Error('pausing is not supported');
  const spec = rec(obj.spec);
  if (spec.paused === true) throw new Error('is already paused');
  obj.spec = { ...spec, paused: true };
}

export function run(ctx: Ctx): Promise<number> {
  return runObjectPatch(ctx, { done: 'paused', change: pauser, unchanged: () => ({ print: 'already paused' }) });
}
