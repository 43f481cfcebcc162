// getPodStatusForController: the controller's own pods (by selector, then controllerRef UID)
// counted by phase.
import type { Obj } from '../../client/types.js';
import { rec, str } from '../columns/fields.js';
import { apiPath, listOrThrow, type DescribeEnv } from './context.js';
import { controllerOf } from './meta.js';

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export async function podStatusFor(env: DescribeEnv, namespace: string, selector: string, uid: string): Promise<PodCounts> {
  const pods: Obj[] = await listOrThrow(env, apiPath('v1', 'pods', namespace), { labelSelector: selector }, 'pods');
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref || str(ref.uid) !== uid) continue;
    const phase = str(rec(pod.status).phase);
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

export function podsStatusText(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
