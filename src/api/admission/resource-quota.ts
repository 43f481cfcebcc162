// ResourceQuota admission: an object that consumes quota (create, or an update that raises
// usage) is checked against every matching ResourceQuota of its namespace; when it fits, each
// matching quota's status.used is raised (not for dry runs) by a compare-and-swap on the quota,
// re-checked against the fresh quota on conflict, as upstream's quota evaluator does.
import type { AdmissionPlugin, AdmissionRequest } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { forbidden, StatusError } from '../errors.js';
import { resourceQuota as resourceQuotaResource } from '../resources/resourcequota.js';
import type { ResourceList } from '../quantity/resource-list.js';
import {
  addLists, exceededNames, isZeroList, listsEqual, maskList, negativeNames, prettyPrint, readResourceList,
  subtractNonNegative, writeResourceList,
} from '../quantity/resource-list.js';
import type { QuotaEvaluator } from './resource-quota-types.js';
import { evaluatorFor } from './resource-quota-evaluators.js';
import type { ScopeSelector } from './resource-quota-scopes.js';
import { quotaScopeSelectors } from './resource-quota-scopes.js';
import { calculateUsage } from './resource-quota-usage.js';

export interface ResourceQuotaOptions {
  /** The cluster clock (ms), for pods past their deletion grace period. */
  now?: () => number;
  /**
   * 'missing' (default): status.used is trusted and measured from the stored objects only when it
   * lacks a tracked resource (a fresh quota); 'always': measured on every check.
   */
  recalculate?: 'missing' | 'always';
}

interface QuotaState {
  obj: KObject;
  name: string;
  /** spec.hard, which the quota controller mirrors into status.hard. */
  hard: ResourceList;
  used: ResourceList;
  selectors: ScopeSelector[];
}

interface Charge {
  quota: QuotaState;
  used: ResourceList;
}

/** Retries after the first attempt, as checkQuotas(…, 3). */
const RETRIES = 3;

function stateOf(obj: KObject): QuotaState {
  return {
    obj,
    name: obj.metadata.name ?? '',
    hard: readResourceList((obj.spec as { hard?: unknown } | undefined)?.hard),
    used: readResourceList((obj.status as { used?: unknown } | undefined)?.used),
    selectors: quotaScopeSelectors(obj),
  };
}

/** admission.NewForbidden's name: the request's, else the object's name or generateName. */
const nameOf = (req: AdmissionRequest): string => req.name || req.obj?.metadata.name || req.obj?.metadata.generateName || 'Unknown';
const forbid = (req: AdmissionRequest, why: string) => forbidden({ group: req.d.group, resource: req.d.plural }, nameOf(req), why);

/** The quotas that apply to the object; a quota whose constraints it breaks rejects it. */
function matchingQuotas(req: AdmissionRequest, ev: QuotaEvaluator, quotas: QuotaState[]): QuotaState[] {
  const out: QuotaState[] = [];
  for (const q of quotas) {
    const tracked = ev.matchingResources([...q.hard.keys()]);
    if (!tracked.length || !q.selectors.every((s) => ev.matchesScope(s, req.obj!))) continue;
    const why = ev.constraints(tracked, req.obj!);
    if (why !== undefined) throw forbid(req, `failed quota: ${q.name}: ${why}`);
    out.push(q);
  }
  return out;
}

/** The usage this request adds: the object's, less the old object's on update. */
function deltaOf(req: AdmissionRequest, ev: QuotaEvaluator, now: number): ResourceList {
  const delta = ev.usage(req.obj!, now);
  const negative = negativeNames(delta);
  if (negative.length) throw forbid(req, `quota usage is negative for resource(s): ${negative.sort().join(',')}`);
  if (req.op === 'UPDATE' && req.old?.metadata.resourceVersion) return subtractNonNegative(delta, ev.usage(req.old, now));
  return delta;
}

type UsageOf = (q: QuotaState, tracked: string[]) => Promise<ResourceList>;

/** checkRequest: the new usage of each matching quota, or Forbidden when one would be exceeded. */
async function checkRequest(req: AdmissionRequest, ev: QuotaEvaluator, quotas: QuotaState[], now: number, usageOf: UsageOf): Promise<Charge[]> {
  const interesting = matchingQuotas(req, ev, quotas);
  const delta = deltaOf(req, ev, now);
  if (isZeroList(delta) || !interesting.length) return [];
  const out: Charge[] = [];
  for (const q of interesting) {
    const used = await usageOf(q, ev.matchingResources([...q.hard.keys()]));
    const requested = maskList(delta, q.hard.keys());
    const next = addLists(used, requested);
    const exceeded = exceededNames(maskList(next, requested.keys()), q.hard);
    if (exceeded.length) {
      const show = (l: ResourceList) => prettyPrint(maskList(l, exceeded));
      throw forbid(req, `exceeded quota: ${q.name}, requested: ${show(requested)}, used: ${show(used)}, limited: ${show(q.hard)}`);
    }
    out.push({ quota: q, used: next });
  }
  return out;
}

/** Writes the changed quotas' status; returns the names whose write failed and the last error. */
async function writeCharges(storage: ObjectStorage, charges: Charge[]): Promise<{ failed: string[]; err?: unknown }> {
  const failed: string[] = [];
  let err: unknown;
  for (const { quota, used } of charges) {
    const status = (quota.obj.status ?? {}) as { hard?: unknown; used?: unknown };
    if (listsEqual(used, readResourceList(status.used)) && listsEqual(quota.hard, readResourceList(status.hard))) continue;
    const obj = { ...quota.obj, status: { ...status, hard: writeResourceList(quota.hard), used: writeResourceList(used) } };
    try {
      await storage.update(resourceQuotaResource, obj, Number(quota.obj.metadata.resourceVersion));
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      failed.push(quota.name);
      err = e;
    }
  }
  return { failed, err };
}

export function resourceQuota(storage: ObjectStorage, opts: ResourceQuotaOptions = {}): AdmissionPlugin {
  const now = opts.now ?? Date.now;
  const always = opts.recalculate === 'always';
  const usageOf = (ns: string): UsageOf => async (q, tracked) =>
    always || tracked.some((n) => !q.used.has(n)) ? calculateUsage(storage, ns, [...q.hard.keys()], q.selectors, now()) : q.used;
  return {
    name: 'ResourceQuota',
    async validate(req) {
      if (req.subresource || !req.namespace || !req.obj) return;
      const ev = evaluatorFor(req.d.group, req.d.plural);
      if (!ev?.handles(req.op)) return;
      let only: Set<string> | undefined;
      let lastErr: unknown;
      for (let attempt = 0; attempt <= RETRIES; attempt++) {
        const listed = (await storage.list(resourceQuotaResource, req.namespace)).items.map(stateOf);
        const quotas = only ? listed.filter((q) => only!.has(q.name)) : listed;
        const charges = await checkRequest(req, ev, quotas, now(), usageOf(req.namespace));
        if (req.ctx.dryRun || !charges.length) return;
        const { failed, err } = await writeCharges(storage, charges);
        if (!failed.length) return;
        only = new Set(failed);
        lastErr = err;
      }
      throw lastErr;
    },
  };
}
