// A quota's usage measured from informer caches (quota.CalculateUsage as the controller runs
// it): the admission plugin's evaluators, each fed the cached objects of its kind in the quota's
// namespace, filtered by the quota's scopes, summed and masked to the hard resources. The
// admission plugin's own calculateUsage reads the store; this one reads listers.
import type { Obj } from '../../client/types.js';
import type { KObject } from '../../api/types.js';
import type { ResourceList } from '../../api/quantity/resource-list.js';
import { addLists, maskList, ZERO } from '../../api/quantity/resource-list.js';
import type { QuotaEvaluator } from '../../api/admission/resource-quota-types.js';
import { objectCountEvaluator, STATIC_EVALUATORS } from '../../api/admission/resource-quota-evaluators.js';
import type { ScopeSelector } from '../../api/admission/resource-quota-scopes.js';

/** The cached objects of group/resource in ns; undefined when the resource is not watched. */
export type Lister = (group: string, resource: string, ns: string) => Obj[] | undefined;

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

const asK = (o: Obj): KObject => o as KObject;

/** generic.CalculateUsageStats: every tracked name present (zero when nothing is charged). */
function usageStats(items: Obj[], e: QuotaEvaluator, tracked: string[], selectors: ScopeSelector[], now: number): ResourceList {
  let used: ResourceList = new Map(tracked.map((n) => [n, ZERO]));
  for (const item of items) {
    if (selectors.every((s) => e.matchesScope(s, asK(item)))) used = addLists(used, e.usage(asK(item), now));
  }
  return used;
}

/**
 * quota.CalculateUsage: the usage of every hard resource some evaluator tracks. A count/ of a
 * resource that is not watched (not served) is left out, as upstream has no evaluator for it.
 */
export function calculateUsage(list: Lister, ns: string, hardNames: string[], selectors: ScopeSelector[], now: number): ResourceList {
  const evaluators = evaluatorsFor(hardNames);
  const matched = new Set(evaluators.flatMap((e) => e.matchingResources(hardNames)));
  let used: ResourceList = new Map();
  for (const e of evaluators) {
    const tracked = e.matchingResources([...matched]);
    if (!tracked.length) continue;
    const items = list(e.group, e.resource, ns);
    if (!items) {
      for (const n of tracked) matched.delete(n);
      continue;
    }
    used = addLists(used, usageStats(items, e, tracked, selectors, now));
  }
  return maskList(used, hardNames.filter((n) => matched.has(n)));
}
