// A quota's usage measured from the namespace's objects, as the quota controller's
// quota.CalculateUsage does: every evaluator tracking one of the hard resources lists its kind,
// counts the objects matching the quota's scopes, and the sum is masked to the hard resources
// (each tracked resource present, zero when nothing is charged).
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import type { ResourceList } from '../quantity/resource-list.js';
import { addLists, maskList, ZERO } from '../quantity/resource-list.js';
import { RESOURCES } from '../resources/index.js';
import type { QuotaEvaluator } from './resource-quota-types.js';
import { objectCountEvaluator, STATIC_EVALUATORS } from './resource-quota-evaluators.js';
import type { ScopeSelector } from './resource-quota-scopes.js';
import { quotaScopeSelectors } from './resource-quota-scopes.js';
import { readResourceList } from '../quantity/resource-list.js';

/** The static evaluators plus an object count one for every other count/<resource>[.<group>]. */
export function evaluatorsFor(hardNames: string[]): QuotaEvaluator[] {
  const out = [...STATIC_EVALUATORS];
  for (const n of hardNames) {
    if (!n.startsWith('count/') || out.some((e) => e.matchingResources([n]).length)) continue;
    const rest = n.slice('count/'.length);
    const dot = rest.indexOf('.');
    out.push(dot < 0 ? objectCountEvaluator('', rest) : objectCountEvaluator(rest.slice(dot + 1), rest.slice(0, dot)));
  }
  return out;
}

const descriptorOf = (e: QuotaEvaluator) => RESOURCES.find((d) => d.group === e.group && d.plural === e.resource && d.namespaced && !d.virtual);

/** The objects of group/resource in ns; undefined when that resource cannot be counted. */
export type UsageLister = (group: string, resource: string, ns: string) => KObject[] | undefined;

/** generic.CalculateUsageStats for one evaluator: every tracked name present (zero when nothing is charged). */
function usageStats(items: KObject[], e: QuotaEvaluator, tracked: string[], selectors: ScopeSelector[], now: number): ResourceList {
  let used: ResourceList = new Map(tracked.map((n) => [n, ZERO]));
  for (const item of items) if (selectors.every((s) => e.matchesScope(s, item))) used = addLists(used, e.usage(item, now));
  return used;
}

/** The evaluators of hardNames with the names each tracks. */
function trackedBy(hardNames: string[]): { e: QuotaEvaluator; tracked: string[] }[] {
  const evaluators = evaluatorsFor(hardNames);
  const matched = evaluators.flatMap((e) => e.matchingResources(hardNames));
  return evaluators.map((e) => ({ e, tracked: e.matchingResources(matched) })).filter((x) => x.tracked.length);
}

/**
 * quota.CalculateUsage over listed objects: each evaluator counts the objects matching the
 * quota's scopes; the sum is masked to the hard resources some evaluator could count.
 */
export function measureUsage(list: UsageLister, ns: string, hardNames: string[], selectors: ScopeSelector[], now: number): ResourceList {
  let used: ResourceList = new Map();
  const counted = new Set<string>();
  for (const { e, tracked } of trackedBy(hardNames)) {
    const items = list(e.group, e.resource, ns);
    if (!items) continue;
    for (const n of tracked) counted.add(n);
    used = addLists(used, usageStats(items, e, tracked, selectors, now));
  }
  return maskList(used, hardNames.filter((n) => counted.has(n)));
}

/** quota.CalculateUsage over the namespace's stored objects. */
export async function calculateUsage(storage: ObjectStorage, ns: string, hardNames: string[], selectors: ScopeSelector[], now: number): Promise<ResourceList> {
  const items = new Map<string, KObject[]>();
  for (const { e } of trackedBy(hardNames)) {
    const d = descriptorOf(e);
    items.set(`${e.group}/${e.resource}`, d ? (await storage.list(d, ns)).items : []);
  }
  return measureUsage((g, r) => items.get(`${g}/${r}`), ns, hardNames, selectors, now);
}

/** The usage a quota controller would publish for a stored ResourceQuota (status.used). */
export function quotaUsage(storage: ObjectStorage, quota: KObject, now: number = Date.now()): Promise<ResourceList> {
  const hard = readResourceList((quota.spec as { hard?: unknown } | undefined)?.hard);
  return calculateUsage(storage, quota.metadata.namespace ?? '', [...hard.keys()], quotaScopeSelectors(quota), now);
}
