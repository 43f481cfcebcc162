// The metadata rules every create and update follows (upstream's BeforeCreate/BeforeUpdate).
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { groupVersion } from '../resources/types.js';
import type { Generators } from './context.js';
import { rfc3339 } from './context.js';

export function stampCreate(d: ResourceDescriptor, obj: KObject, gen: Generators): void {
  const m = obj.metadata;
  obj.apiVersion = groupVersion(d);
  obj.kind = d.kind;
  if (!m.name && m.generateName) m.name = m.generateName + gen.suffix();
  m.uid = gen.uid();
  m.creationTimestamp = rfc3339(gen.now());
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.resourceVersion;
  if (d.tracksGeneration) m.generation = 1;
  else delete m.generation;
  if (!d.namespaced) delete m.namespace;
  dropEmpty(m);
  delete m.selfLink;
}

/** ObjectMeta's maps and lists are omitempty: an empty one is not stored (as after decoding in Go). */
function dropEmpty(m: KObject['metadata']): void {
  for (const k of ['labels', 'annotations'] as const) if (m[k] && Object.keys(m[k]!).length === 0) delete m[k];
  for (const k of ['ownerReferences', 'finalizers'] as const) if (Array.isArray(m[k]) && m[k]!.length === 0) delete m[k];
}

const stripped = (o: KObject): Record<string, unknown> => {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
};

/** Equal string maps, whatever their key order (absent and empty alike). */
function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const [x, y] = [a ?? {}, b ?? {}];
  return Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([k, v]) => y[k] === v);
}

/**
 * Keeps the fields a client cannot change, bumps generation when the spec changed (or, where the
 * strategy says so, the annotations).
 */
export function stampUpdate(d: ResourceDescriptor, obj: KObject, old: KObject, annotationsBumpGeneration = false): void {
  const m = obj.metadata;
  const o = old.metadata;
  obj.apiVersion = groupVersion(d);
  obj.kind = d.kind;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  // BeforeUpdate: a deletion timestamp, once set, cannot be changed or removed, nor a grace
  // period removed; one set on an object not being deleted is left for validation to refuse
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined && m.deletionGracePeriodSeconds === undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  if (!d.namespaced) delete m.namespace;
  if (d.tracksGeneration) {
    const changed = JSON.stringify(stripped(obj)) !== JSON.stringify(stripped(old)) || (annotationsBumpGeneration && !sameMap(m.annotations, o.annotations));
    m.generation = (o.generation ?? 1) + (changed ? 1 : 0);
  } else delete m.generation;
  dropEmpty(m);
  delete m.selfLink;
}
