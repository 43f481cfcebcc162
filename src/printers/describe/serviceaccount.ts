// ServiceAccountDescriber: image pull secrets, mountable secrets and legacy token secrets, each
// marked `(not found)` when the secret does not exist.
import type { Obj } from '../../client/types.js';
import { rec, recs, str } from '../columns/fields.js';
import { apiPath, getObject, listAll, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, tabbed } from './writer.js';

const TOKEN_TYPE = 'kubernetes.io/service-account-token';

export async function describeServiceAccount(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const sa = await getObject(env, apiPath('v1', 'serviceaccounts', namespace, name));
  const listed = await listAll(env, apiPath('v1', 'secrets', namespace), {}, 'secrets');
  const tokens: Obj[] = [];
  const missing = new Set<string>();
  if (listed.error === undefined) {
    const existing = new Set<string>();
    for (const s of listed.items) {
      const ann = rec(s.metadata.annotations);
      if (str(s.type) === TOKEN_TYPE && str(ann['kubernetes.io/service-account.name']) === sa.metadata.name && str(ann['kubernetes.io/service-account.uid']) === sa.metadata.uid) tokens.push(s);
      existing.add(s.metadata.name ?? '');
    }
    for (const ref of [...recs(sa.secrets), ...recs(sa.imagePullSecrets)]) if (!existing.has(str(ref.name))) missing.add(str(ref.name));
  }
  const events = await eventsFor(env, refOf(sa, 'ServiceAccount'));
  const groups: [string, string[]][] = [
    ['Image pull secrets:', recs(sa.imagePullSecrets).map((s) => str(s.name))],
    ['Mountable secrets: ', recs(sa.secrets).map((s) => str(s.name))],
    ['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')],
  ];
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', sa.metadata.labels);
    printAnnotations(w, 'Annotations', sa.metadata.annotations);
    for (const [header, names] of groups) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`));
    }
    maybeEvents(events, w, env.now);
  });
}
