// polymorphichelpers.UpdatePodSpecForObject: where an object keeps its pod spec (a Pod's own
// spec, the template of a ReplicationController, Deployment, DaemonSet, ReplicaSet, StatefulSet
// or Job, a CronJob's job template), and the selection of containers by name with `*` wildcards.
import { goTypeName } from '../create/go-typed.js';
import { isRecord, rec, str, type Json } from './json-values.js';

const TEMPLATED: Record<string, string[]> = {
  'v1/ReplicationController': ['spec', 'template'],
  'apps/v1/Deployment': ['spec', 'template'],
  'apps/v1/DaemonSet': ['spec', 'template'],
  'apps/v1/ReplicaSet': ['spec', 'template'],
  'apps/v1/StatefulSet': ['spec', 'template'],
  'batch/v1/Job': ['spec', 'template'],
  'batch/v1/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

function child(parent: Json, key: string): Json {
  if (!isRecord(parent[key])) parent[key] = {};
  return parent[key] as Json;
}

/** The pod template path of a kind, or undefined for kinds without one (Pods have a spec). */
export function templatePath(obj: Json): string[] | undefined {
  return TEMPLATED[`${str(obj.apiVersion)}/${str(obj.kind)}`];
}

/** The object's pod spec (created empty where missing), or the error kubectl gives. */
export function podSpecOf(obj: Json): Json {
  if (str(obj.apiVersion) === 'v1' && obj.kind === 'Pod') return child(obj, 'spec');
  const path = templatePath(obj);
  if (path === undefined) {
    throw new Error(`the object is not a pod or does not have a pod template: ${goTypeName(str(obj.apiVersion), str(obj.kind))}`);
  }
  let at = obj;
  for (const key of path) at = child(at, key);
  return child(at, 'spec');
}

/** The pod template (metadata + spec) of a templated object, undefined for others. */
export function podTemplateOf(obj: Json): Json | undefined {
  const path = templatePath(obj);
  if (path === undefined) return undefined;
  let at: unknown = obj;
  for (const key of path) at = rec(at)[key];
  return isRecord(at) ? at : undefined;
}

/** set's selectString: `*` matches all; otherwise the parts between stars in order. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  const parts = spec.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '') continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/** The containers of a list whose names match the selector, as live references. */
export function selectContainers(containers: unknown, spec: string): Json[] {
  return (Array.isArray(containers) ? containers : []).filter((c): c is Json => isRecord(c) && selectString(str(c.name), spec));
}
