// NamespaceDescriber: status, conditions, then its resource quotas and limit ranges.
import type { Obj } from '../../client/types.js';
import { ApiError } from '../../client/types.js';
import { rec, recs, str } from '../columns/fields.js';
import { apiPath, getObject, listOrThrow, type DescribeEnv } from './context.js';
import { printAnnotations, printLabels } from './meta.js';
import { limitRangeSection, quotaSection } from './quota.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, tabbed } from './writer.js';

/** A list, or undefined when the server does not serve the resource (NotFound). */
async function optionalList(env: DescribeEnv, path: string, subject: string): Promise<Obj[] | undefined> {
  try {
    return await listOrThrow(env, path, {}, subject);
  } catch (err) {
    if (err instanceof ApiError && err.status.reason === 'NotFound') return undefined;
    throw err;
  }
}

export async function describeNamespace(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const ns = await getObject(env, apiPath('v1', 'namespaces', undefined, name));
  const quotas = await optionalList(env, apiPath('v1', 'resourcequotas', name), 'resourcequotas');
  const ranges = await optionalList(env, apiPath('v1', 'limitranges', name), 'limitranges');
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', ns.metadata.labels);
    printAnnotations(w, 'Annotations', ns.metadata.annotations);
    const status = rec(ns.status);
    w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
    const conditions = recs(status.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime, env.zone)}\t${str(c.reason)}\t${str(c.message)}\n`);
      }
    }
    if (quotas !== undefined) {
      w.write(LEVEL_0, '\n');
      quotaSection(quotas, w);
    }
    if (ranges !== undefined) {
      w.write(LEVEL_0, '\n');
      limitRangeSection(ranges, w);
    }
  });
}
