// The orders the deployment controller walks ReplicaSets in (controller.ReplicaSetsBy*).
import type { Obj } from '../../client/types.js';
import { revisionOf } from './annotations.js';
import { rsReplicas } from './types.js';

type Cmp = (a: Obj, b: Obj) => number;

const created = (o: Obj): number => (o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : 0);
const byName: Cmp = (a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0);

/** Oldest first, ties by name. */
export const byCreation: Cmp = (a, b) => created(a) - created(b) || byName(a, b);
/** Largest first, ties oldest first (scaling down). */
export const bySizeOlder: Cmp = (a, b) => rsReplicas(b) - rsReplicas(a) || byCreation(a, b);
/** Largest first, ties newest first (scaling up). */
export const bySizeNewer: Cmp = (a, b) => rsReplicas(b) - rsReplicas(a) || byCreation(b, a);
/** Lowest revision first, ties oldest first. */
export const byRevision: Cmp = (a, b) => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) || byCreation(a, b);
