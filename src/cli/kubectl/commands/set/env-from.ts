// set env --from: the variables a ConfigMap's or Secret's keys give (only --keys when given),
// each named after its key upper-cased with anything but [a-zA-Z0-9_] turned into `_` (with a
// warning when that changed the name) and referring back to the key.
import type { Ctx } from '../../context.js';
import { rec, str, type Json } from '../workload/json-values.js';
import { setInfos } from './targets.js';

export interface FromScope {
  namespace: string;
  explicit: boolean;
}

function envName(ctx: Ctx, key: string): string {
  const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
  if (name !== key) ctx.io.stderr.write(`Warning: key ${key} transferred to ${name}\n`);
  return name;
}

/** The env entries of every object --from names (data keys in sorted order). */
export async function envFromSource(ctx: Ctx, s: FromScope): Promise<Json[]> {
  const infos = await setInfos(ctx, {
    namespace: s.namespace, explicit: s.explicit, resources: [ctx.str('from')], local: ctx.bool('local'),
    all: ctx.bool('all'), selector: ctx.str('selector'),
  });
  const keys = ctx.list('keys');
  const out: Json[] = [];
  for (const info of infos) {
    const obj = (info.object ?? {}) as Json;
    const kind = str(obj.kind) || info.mapping?.kind;
    if (kind !== 'Secret' && kind !== 'ConfigMap') throw new Error('unsupported resource specified in --from');
    const refKind = kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
    const name = str(rec(obj.metadata).name);
    for (const key of Object.keys(rec(obj.data)).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      out.push({ name: envName(ctx, key), valueFrom: { [refKind]: { name, key } } });
    }
  }
  return out;
}
