// What `expose` reads from the object it exposes (polymorphichelpers): whether the kind can be
// exposed at all, its map-based selector, its ports (container ports, or a Service's ports,
// de-duplicated in order) and the protocols of each port.
import { list, rec, str, type Json } from '../workload/json-values.js';
import { groupKindString } from '../rollout/kinds.js';

type Exposable = 'ReplicationController' | 'Service' | 'Pod' | 'Deployment' | 'ReplicaSet';

/** canBeExposed: the kind, or `cannot expose a <GroupKind>`. */
export function exposableKind(group: string, kind: string): Exposable {
  const core = group === '' && (kind === 'ReplicationController' || kind === 'Service' || kind === 'Pod');
  const apps = (group === 'apps' || group === 'extensions') && (kind === 'Deployment' || kind === 'ReplicaSet');
  if (core || apps) return kind as Exposable;
  throw new Error(`cannot expose a ${groupKindString(group, kind)}`);
}

/** MakeLabels: `k=v,k2=v2`. */
export const makeLabels = (labels: Json): string => Object.entries(labels).map(([k, v]) => `${k}=${str(v)}`).join(',');

function expressionsText(exprs: unknown[]): string {
  return `[${exprs.map(rec).map((e) => `{Key:${str(e.key)} Operator:${str(e.operator)} Values:[${list(e.values).map(str).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject. */
export function selectorFor(kind: Exposable, obj: Json): string {
  const spec = rec(obj.spec);
  switch (kind) {
    case 'ReplicationController':
      return makeLabels(rec(spec.selector));
    case 'Pod': {
      const labels = rec(rec(obj.metadata).labels);
      if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return makeLabels(labels);
    }
    case 'Service':
      if (spec.selector === undefined || spec.selector === null) throw new Error('the service has no pod selector set');
      return makeLabels(rec(spec.selector));
    default: {
      const sel = rec(spec.selector);
      const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (Object.keys(rec(sel.matchLabels)).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
      const exprs = list(sel.matchExpressions);
      if (exprs.length > 0) throw new Error(`couldn't convert expressions - "${expressionsText(exprs)}" to map-based selector format`);
      return makeLabels(rec(sel.matchLabels));
    }
  }
}

function podSpec(kind: Exposable, obj: Json): Json {
  return kind === 'Pod' ? rec(obj.spec) : rec(rec(rec(obj.spec).template).spec);
}

/** [port, protocol] pairs: container ports (TCP unless given), or a Service's ports. */
function portPairs(kind: Exposable, obj: Json): [string, string][] {
  const ports = kind === 'Service'
    ? list(rec(obj.spec).ports).map(rec).map((p) => [p.port, p.protocol] as const)
    : list(podSpec(kind, obj).containers).map(rec).flatMap((c) => list(c.ports).map(rec).map((p) => [p.containerPort, p.protocol] as const));
  return ports.map(([port, protocol]) => [String(port ?? 0), str(protocol) || 'TCP']);
}

/** portsForObject: each port once, in order. */
export function portsFor(kind: Exposable, obj: Json): string[] {
  return [...new Set(portPairs(kind, obj).map(([p]) => p))];
}

/** multiProtocolsForObject: port → its protocols, in order. */
export function protocolsFor(kind: Exposable, obj: Json): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [port, protocol] of portPairs(kind, obj)) out.set(port, [...(out.get(port) ?? []), protocol]);
  return out;
}
