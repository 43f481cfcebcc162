// kubectl wait's condition functions (and delete's wait): IsDeleted, IsCreated, and the watch-based
// check for status conditions and JSONPath values — each returns the object to print when met.
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj } from '../../../../client/types.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { requestJson } from '../../resource/request.js';
import { isNotFoundError, objectName, objectPath, type Info } from './info.js';
import { untilWithSync, waitTimeoutError, type EventCondition, type WaitTarget } from './wait-for.js';
import type { Klog } from '../../klog.js';

export interface WaitContext {
  client: RestClient;
  klog?: Klog;
  /** the wait's timeout in ms (0: check once) */
  timeoutMs: number;
  /** when the wait started plus its timeout */
  until: number;
  /** delete passes the UIDs the DELETE answered with */
  uids?: Map<string, string | undefined>;
}

/** The object's state as a condition sees it: met or not (it may throw). */
export type ObjectCheck = (obj: Obj) => boolean;

export type ConditionFn = (info: Info, w: WaitContext) => Promise<Obj | undefined>;

const uidKey = (info: Info): string => `${info.mapping?.resource}.${info.mapping?.group}/${info.namespace}/${info.name}`;

function get(w: WaitContext, info: Info): Promise<Obj> {
  return requestJson<Obj>(w.client, 'GET', objectPath(info.mapping!, info.namespace || undefined, info.name));
}

const target = (w: WaitContext, info: Info): WaitTarget => (
  { client: w.client, mapping: info.mapping!, namespace: info.namespace, name: info.name, ...(w.klog ? { klog: w.klog } : {}) });

export const IsDeleted: ConditionFn = async (info, w) => {
  if (info.name === '') throw new Error('resource name must be provided');
  let got: Obj;
  try {
    got = await get(w, info);
  } catch (err) {
    if (isNotFoundError(err)) return info.object;
    throw err;
  }
  const uid = w.uids?.get(uidKey(info));
  if (w.uids?.has(uidKey(info)) && got.metadata?.uid !== uid) return got;
  if (w.timeoutMs === 0) throw new Error(`condition not met for ${objectName(info)}`);
  if (w.until < Date.now()) throw waitTimeoutError(info.mapping!, info.name);
  const r = await untilWithSync(target(w, info), w.until, (exists) => !exists, (e) => e.type === 'DELETED');
  if (!r.met) throw waitTimeoutError(info.mapping!, info.name);
  return got;
};

export const IsCreated: ConditionFn = async (info) => {
  if (info.name === '' || info.object === undefined) throw new Error('resource name must be provided');
  return info.object;
};

export { uidKey };

/** getObjAndCheckCondition: check once (timeout 0), or list and watch until the check holds. */
export function watchCondition(check: ObjectCheck): ConditionFn {
  return async (info, w) => {
    if (info.name === '') throw new Error('resource name must be provided');
    if (w.timeoutMs === 0) {
      const got = await get(w, info);
      if (!check(got)) throw new Error(`condition not met for ${objectName(info)}`);
      return got;
    }
    if (w.until < Date.now()) throw waitTimeoutError(info.mapping!, info.name);
    const cond: EventCondition = (e) => e.type !== 'DELETED' && e.type !== 'ERROR' && check(e.object);
    const r = await untilWithSync(target(w, info), w.until, (exists) => {
      if (!exists) throw new ApiError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404, reason: 'NotFound', message: `${qualified(info.mapping!)} ${JSON.stringify(info.name)} not found` });
      return false;
    }, cond);
    if (!r.met) throw waitTimeoutError(info.mapping!, info.name);
    return r.event?.object;
  };
}

const qualified = (r: ApiResource): string => (r.group === '' ? r.resource : `${r.resource}.${r.group}`);

/** ConditionalWait.checkCondition: the named condition's status (case-folded), generation-aware. */
export function conditionCheck(name: string, status: string): ObjectCheck {
  return (obj) => {
    const conditions = (obj.status as { conditions?: unknown } | undefined)?.conditions;
    if (!Array.isArray(conditions)) return false;
    for (const c of conditions as Record<string, unknown>[]) {
      if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
      if (typeof c.status !== 'string') continue;
      const generation = obj.metadata?.generation;
      if (typeof generation === 'number') {
        const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : (obj.status as { observedGeneration?: unknown }).observedGeneration;
        if (typeof observed === 'number' && observed < generation) return false;
      }
      return c.status.toLowerCase() === status.toLowerCase();
    }
    return false;
  };
}
