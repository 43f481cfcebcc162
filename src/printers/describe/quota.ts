// ResourceQuotaDescriber, LimitRangeDescriber, and the quota and limit range sections of a
// namespace's description.
import type { Obj } from '../../client/types.js';
import { rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { goSort } from './gosort.js';
import { Quantity, resourceList } from './quantity.js';
import { LEVEL_0, LEVEL_1, tabbed, type Writer } from './writer.js';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function scopes(spec: Fields): string[] {
  return strs(spec.scopes).sort();
}

/** Used converted to Hard's format when the formats differ (NewQuantity(used.Value(), hard.Format)). */
function usedText(used: Quantity, hard: Quantity): string {
  return hard.format !== used.format ? Quantity.of(used.value(), hard.format).toString() : used.toString();
}

export async function describeResourceQuota(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const q = await getObject(env, apiPath('v1', 'resourcequotas', namespace, name));
  const status = rec(q.status);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
    const list = scopes(rec(q.spec));
    if (list.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${list.join(', ')}\n`);
      for (const s of list) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = resourceList(status.hard);
    const used = resourceList(status.used);
    for (const r of [...hard.keys()].sort()) w.write(LEVEL_0, `${r}\t${usedText(used.get(r) ?? Quantity.zero(), hard.get(r)!)}\t${hard.get(r)!.toString()}\n`);
  });
}

/** DescribeResourceQuotas: every quota of a namespace, by name. */
export function quotaSection(quotas: Obj[], w: Writer): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of goSort([...quotas], (a, b) => (a.metadata.name ?? '') < (b.metadata.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name ?? ''}\n`);
    const list = scopes(rec(q.spec));
    if (list.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${list.join(', ')}\n`);
      for (const s of list) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = resourceList(rec(q.status).hard);
    const used = resourceList(rec(q.status).used);
    for (const r of [...hard.keys()].sort()) w.write(LEVEL_1, `${r}\t${(used.get(r) ?? Quantity.zero()).toString()}\t${hard.get(r)!.toString()}\n`);
  }
}

const LIMIT_FIELDS = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const;

/** describeLimitRangeSpec: one row per limit type and resource (resource order as Go's map). */
function limitRows(spec: Fields, prefix: string, w: Writer): void {
  for (const item of recs(spec.limits)) {
    const lists = LIMIT_FIELDS.map((f) => resourceList(item[f]));
    const names = [...new Set(lists.flatMap((l) => [...l.keys()]))];
    for (const name of names) {
      const cells = lists.map((l) => l.get(name)?.toString() ?? '-');
      w.write(LEVEL_0, `${prefix}${str(item.type)}\t${name}\t${cells.join('\t')}\n`);
    }
  }
}

export async function describeLimitRange(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const lr = await getObject(env, apiPath('v1', 'limitranges', namespace, name));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    limitRows(rec(lr.spec), '', w);
  });
}

/** DescribeLimitRanges. */
export function limitRangeSection(ranges: Obj[], w: Writer): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) limitRows(rec(lr.spec), ' ', w);
}
