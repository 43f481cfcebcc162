// ingresses (networking.k8s.io/v1): printIngress — NAME CLASS HOSTS ADDRESS PORTS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, optStr, rec, recs, str } from './fields.js';
import { loadBalancerAddresses } from './service.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const MAX_HOSTS = 3;

/** formatHosts: the first 3 non-empty rule hosts, `*` when none, ` + N more...` counting all rules. */
function hosts(rules: unknown): string {
  const all = recs(rules);
  const list: string[] = [];
  let more = false;
  for (const rule of all) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && str(rule.host) !== '') list.push(str(rule.host));
  }
  if (list.length === 0) return '*';
  const text = list.join(',');
  return more ? `${text} + ${all.length - MAX_HOSTS} more...` : text;
}

export const ingressColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    ageColumn(),
  ],
  cells(ing, { now }) {
    const spec = rec(ing.spec);
    return [
      ing.metadata.name ?? '',
      optStr(spec.ingressClassName) ?? '<none>',
      hosts(spec.rules),
      loadBalancerAddresses(at(ing.status, 'loadBalancer')),
      recs(spec.tls).length > 0 ? '80, 443' : '80',
      age(ing, now),
    ];
  },
};
