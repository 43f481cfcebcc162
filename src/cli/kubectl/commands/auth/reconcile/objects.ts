// The RBAC objects reconcile works on, as JSON with Go's nil in mind: a map or a pointer that is
// null or absent is nil, `{}` is an empty map that is not nil (reflect.DeepEqual tells them apart,
// so `labels: {}` in a file against an object without labels is a change), a missing list is nil.
import type { Obj } from '../../../../../client/types.js';
import type { PolicyRule } from '../rules.js';

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** rbacv1.AutoUpdateAnnotationKey */
export const AUTO_UPDATE = 'rbac.authorization.kubernetes.io/autoupdate';

export type StringMap = Record<string, string>;

export interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

const meta = (o: Obj): Json => (isRecord(o.metadata) ? (o.metadata as Json) : {});

export const nameOf = (o: Obj): string => (typeof o.metadata?.name === 'string' ? o.metadata.name : '');

export const namespaceOf = (o: Obj): string => (typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : '');

export const uidOf = (o: Obj): string => (typeof o.metadata?.uid === 'string' ? o.metadata.uid : '');

/** metadata.labels or metadata.annotations; undefined for nil. */
export function metaMap(o: Obj, field: 'labels' | 'annotations'): StringMap | undefined {
  const m = meta(o)[field];
  return isRecord(m) ? (m as StringMap) : undefined;
}

export function setMetaMap(o: Obj, field: 'labels' | 'annotations', value: StringMap | undefined): void {
  const m = { ...meta(o) };
  if (value === undefined) delete m[field];
  else m[field] = value;
  o.metadata = m as Obj['metadata'];
}

/** merge: later maps win; nil only when every map is nil. */
export function mergeMaps(...maps: (StringMap | undefined)[]): StringMap | undefined {
  let out: StringMap | undefined;
  for (const m of maps) {
    if (m === undefined) continue;
    out ??= {};
    Object.assign(out, m);
  }
  return out;
}

/** reflect.DeepEqual on two map[string]string. */
export function mapsEqual(a: StringMap | undefined, b: StringMap | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The object opted out of reconciliation (autoupdate: "false"). */
export const isProtected = (existing: Obj): boolean => metaMap(existing, 'annotations')?.[AUTO_UPDATE] === 'false';

export function rulesOf(o: Obj): PolicyRule[] {
  const rules = (o as unknown as Json).rules;
  return Array.isArray(rules) ? (rules as PolicyRule[]) : [];
}

export function subjectsOf(o: Obj): Subject[] {
  const subjects = (o as unknown as Json).subjects;
  return Array.isArray(subjects) ? (subjects as Subject[]) : [];
}

export function roleRefOf(o: Obj): RoleRef {
  const ref = (o as unknown as Json).roleRef;
  return isRecord(ref) ? (ref as RoleRef) : {};
}

export const sameSubject = (a: Subject, b: Subject): boolean =>
  (a.kind ?? '') === (b.kind ?? '') && (a.apiGroup ?? '') === (b.apiGroup ?? '') && (a.name ?? '') === (b.name ?? '') && (a.namespace ?? '') === (b.namespace ?? '');

export const sameRoleRef = (a: RoleRef, b: RoleRef): boolean =>
  (a.apiGroup ?? '') === (b.apiGroup ?? '') && (a.kind ?? '') === (b.kind ?? '') && (a.name ?? '') === (b.name ?? '');

export const deepCopy = <T>(v: T): T => structuredClone(v);
