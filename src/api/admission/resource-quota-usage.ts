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
function evaluatorsFor(hardNames: string[]): QuotaEvaluator[] {
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

/** generic.CalculateUsageStats for one evaluator. */
async function usageStats(storage: ObjectStorage, ns: string, e: QuotaEvaluator, tracked: string[], selectors: ScopeSelector[], now: number): Promise<ResourceList> {
  let used: ResourceList = new Map(tracked.map((n) => [n, ZERO]));
  const d = descriptorOf(e);
  if (!d) return used;
  const matches = (o: KObject) => selectors.every((s) => e.matchesScope(s, o));
  for (const item of (await storage.list(d, ns)).items) if (matches(item)) used = addLists(used, e.usage(item, now));
  return used;
}

/** quota.CalculateUsage over the namespace's stored objects. */
export async function calculateUsage(storage: ObjectStorage, ns: string, hardNames: string[], selectors: ScopeSelector[], now: number): Promise<ResourceList> {
  const evaluators = evaluatorsFor(hardNames);
  const matched = new Set(evaluators.flatMap((e) => e.matchingResources(hardNames)));
  let used: ResourceList = new Map();
  for (const e of evaluators) {
    const tracked = e.matchingResources([...matched]);
    if (tracked.length) used = addLists(used, await usageStats(storage, ns, e, tracked, selectors, now));
  }
  return maskList(used, hardNames.filter((n) => matched.has(n)));
}

/** The usage a quota controller would publish for a stored ResourceQuota (status.used). */
export function quotaUsage(storage: ObjectStorage, quota: KObject, now: number = Date.now()): Promise<ResourceList> {
  const hard = readResourceList((quota.spec as { hard?: unknown } | undefined)?.hard);
  return calculateUsage(storage, quota.metadata.namespace ?? '', [...hard.keys()], quotaScopeSelectors(quota), now);
}
