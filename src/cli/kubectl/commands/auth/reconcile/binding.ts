// ReconcileRoleBindingOptions.Run for RoleBindings and ClusterRoleBindings: a missing binding is
// created as given; one whose roleRef differs (roleRef is immutable) is deleted — with its UID
// as the precondition — and created again as given; otherwise the expected labels and
// annotations are merged under its own and the missing subjects appended (or, with
// --remove-extra-subjects, its subjects replaced when they differ). Protected objects and dry
// runs only report. Races (AlreadyExists, NotFound, a UID conflict) start over, four attempts in all.
import { isAlreadyExists, isConflict, isNotFound, type Obj } from '../../../../../client/types.js';
import { deepCopy, isProtected, mapsEqual, mergeMaps, metaMap, nameOf, namespaceOf, roleRefOf, sameRoleRef, sameSubject, setMetaMap, subjectsOf, uidOf, type Json, type Subject } from './objects.js';
import type { Operation } from './role.js';

export interface BindingResult {
  binding: Obj;
  missingSubjects: Subject[];
  extraSubjects: Subject[];
  operation: Operation;
  protected: boolean;
}

/** RoleBindingModifier */
export interface BindingClient {
  get(namespace: string, name: string): Promise<Obj>;
  create(obj: Obj): Promise<Obj>;
  update(obj: Obj): Promise<Obj>;
  delete(namespace: string, name: string, uid: string): Promise<void>;
}

export interface BindingOptions {
  expected: Obj;
  confirm: boolean;
  removeExtraSubjects: boolean;
  client: BindingClient;
}

const contains = (list: Subject[], s: Subject): boolean => list.some((x) => sameSubject(x, s));

/** diffSubjectLists: what only the first list has, what only the second has (each once). */
export function diffSubjects(a: Subject[], b: Subject[]): [Subject[], Subject[]] {
  const only = (from: Subject[], other: Subject[]): Subject[] => {
    const out: Subject[] = [];
    for (const s of from) if (!contains(other, s) && !contains(out, s)) out.push(s);
    return out;
  };
  return [only(a, b), only(b, a)];
}

/** computeReconciledRoleBinding */
export function computeReconciledBinding(existing: Obj, expected: Obj, removeExtra: boolean): BindingResult {
  const r: BindingResult = { binding: expected, missingSubjects: [], extraSubjects: [], operation: 'none', protected: isProtected(existing) };
  if (!sameRoleRef(roleRefOf(expected), roleRefOf(existing))) return { ...r, operation: 'recreate' };
  r.binding = deepCopy(existing);
  for (const field of ['annotations', 'labels'] as const) {
    const merged = mergeMaps(metaMap(expected, field), metaMap(r.binding, field));
    setMetaMap(r.binding, field, merged);
    if (!mapsEqual(merged, metaMap(existing, field))) r.operation = 'update';
  }
  [r.missingSubjects, r.extraSubjects] = diffSubjects(subjectsOf(expected), subjectsOf(existing));
  const binding = r.binding as unknown as Json;
  if (!removeExtra && r.missingSubjects.length > 0) {
    binding.subjects = [...subjectsOf(r.binding), ...r.missingSubjects];
    r.operation = 'update';
  } else if (removeExtra && (r.missingSubjects.length > 0 || r.extraSubjects.length > 0)) {
    const subjects = (expected as unknown as Json).subjects;
    if (Array.isArray(subjects)) binding.subjects = deepCopy(subjects);
    else delete binding.subjects;
    r.operation = 'update';
  }
  return r;
}

async function plan(o: BindingOptions): Promise<{ r: BindingResult; existing?: Obj }> {
  let existing: Obj;
  try {
    existing = await o.client.get(namespaceOf(o.expected), nameOf(o.expected));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return { r: { binding: o.expected, missingSubjects: subjectsOf(o.expected), extraSubjects: [], operation: 'create', protected: false } };
  }
  return { r: computeReconciledBinding(existing, o.expected, o.removeExtraSubjects), existing };
}

/** The recreate path's delete: false when the UID precondition conflicted (start over). */
async function deleteExisting(o: BindingOptions, existing: Obj): Promise<boolean> {
  try {
    await o.client.delete(namespaceOf(existing), nameOf(existing), uidOf(existing));
  } catch (err) {
    if (isConflict(err)) return false;
    if (!isNotFound(err)) throw err;
  }
  return true;
}

/** ReconcileRoleBindingOptions.Run */
export async function reconcileBinding(o: BindingOptions, attempts = 0): Promise<BindingResult> {
  if (attempts > 3) throw new Error('exceeded maximum attempts');
  const { r, existing } = await plan(o);
  if (r.protected || !o.confirm) return r;
  if (r.operation === 'recreate' && existing && !(await deleteExisting(o, existing))) return reconcileBinding(o, attempts + 1);
  try {
    if (r.operation === 'create' || r.operation === 'recreate') r.binding = await o.client.create(r.binding);
    else if (r.operation === 'update') r.binding = await o.client.update(r.binding);
  } catch (err) {
    const retry = r.operation === 'update' ? isNotFound(err) : isAlreadyExists(err);
    if (retry) return reconcileBinding(o, attempts + 1);
    throw err;
  }
  return r;
}
