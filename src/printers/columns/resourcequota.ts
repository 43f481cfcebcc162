// resourcequotas (core/v1): printResourceQuota — NAME AGE REQUEST LIMIT (v1.32; AGE moved last in 1.33); each hard resource as
// `name: used/hard`, sorted, with `limits.*` in LIMIT and everything else in REQUEST.
import { ageColumn, column, nameColumn } from './define.js';
import { at, rec, sortStrings } from './fields.js';
import { quantity } from './quantity.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export function quotaCells(status: unknown): [string, string] {
  const hard = rec(at(status, 'hard'));
  const used = rec(at(status, 'used'));
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of sortStrings(Object.keys(hard))) {
    const pieces = name.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${name}: ${quantity(used[name])}/${quantity(hard[name])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourceQuotaColumns: ColumnSet = {
  columns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column(
      'Limit',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
  ],
  cells(quota, { now }) {
    return [quota.metadata.name ?? '', age(quota, now), ...quotaCells(quota.status)];
  },
};
