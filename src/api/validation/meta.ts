// ObjectMeta validation (apimachinery api/validation/objectmeta.go and the core wrappers):
// names, namespace, labels, annotations, owner references, finalizers, update immutability.
import type { FieldError, ObjectMeta } from '../types.js';
import { child, forbidden, index, invalid, required, tooLong, type Path } from './field.js';
import { goStructOf, goTimeValue } from './govalue.js';
import { arr, obj, semanticEqual, str } from './json.js';
import { nameIsDNSLabel, type NameFn } from './namefuncs.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import { validateLabels } from './selector.js';

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** apimachinery ValidateAnnotations: qualified (lower-cased) keys and a 256 kB total. */
export function validateAnnotations(annotations: Record<string, unknown> | undefined, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(fld, k, msg));
    total += Buffer.byteLength(k) + Buffer.byteLength(str(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(fld, TOTAL_ANNOTATION_SIZE));
  return errs;
}

function validateOwnerReferences(refs: unknown, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const raw of arr(refs)) {
    const r = obj(raw);
    const apiVersion = str(r.apiVersion);
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] ?? '' : apiVersion;
    if (!version) errs.push(invalid(child(fld, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (!str(r.kind)) errs.push(invalid(child(fld, 'kind'), str(r.kind), 'kind must not be empty'));
    if (!str(r.name)) errs.push(invalid(child(fld, 'name'), str(r.name), 'name must not be empty'));
    if (!str(r.uid)) errs.push(invalid(child(fld, 'uid'), str(r.uid), 'uid must not be empty'));
    if (version === 'v1' && !apiVersion.includes('/') && str(r.kind) === 'Event') {
      errs.push(invalid(fld, goStructOf('v1.OwnerReference', r), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (r.controller !== true) continue;
    const name = `${str(r.kind)}/${str(r.name)}`;
    if (firstController) {
      errs.push(invalid(fld, arr(refs), `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`));
    } else firstController = name;
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, fld: Path): FieldError[] {
  const list = arr(finalizers).map(str);
  const errs: FieldError[] = [];
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(invalid(fld, f, msg));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(fld, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** core's validateKubeFinalizerName: unqualified finalizers must be standard ones. */
export function validateKubeFinalizers(finalizers: unknown, fld: Path): FieldError[] {
  return arr(finalizers).map(str).flatMap((f, i) =>
    !f.includes('/') && !STANDARD_FINALIZERS.has(f) ? [invalid(index(fld, i), f, 'name is neither a standard finalizer name nor is it fully qualified')] : [],
  );
}

function validateNameAndNamespace(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameFn, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = str(meta.generateName);
  if (generateName) for (const msg of nameFn(generateName, true)) errs.push(invalid(child(fld, 'generateName'), generateName, msg));
  const name = str(meta.name);
  if (!name) errs.push(required(child(fld, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(invalid(child(fld, 'name'), name, msg));
  const ns = str(meta.namespace);
  if (requiresNamespace) {
    if (!ns) errs.push(required(child(fld, 'namespace')));
    else for (const msg of nameIsDNSLabel(ns, false)) errs.push(invalid(child(fld, 'namespace'), ns, msg));
  } else if (ns) errs.push(forbidden(child(fld, 'namespace'), 'not allowed on this type'));
  return errs;
}

/** apimachinery ValidateObjectMetaAccessor (create). */
export function validateObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameFn, fld: Path = 'metadata'): FieldError[] {
  const errs = validateNameAndNamespace(meta, requiresNamespace, nameFn, fld);
  const generation = typeof meta.generation === 'number' ? meta.generation : 0;
  if (generation < 0) errs.push(invalid(child(fld, 'generation'), generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, child(fld, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(fld, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(fld, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, child(fld, 'finalizers')));
  return errs;
}

/** core's ValidateObjectMeta: the generic checks plus kube finalizer names. */
export function validateCoreObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameFn: NameFn, fld: Path = 'metadata'): FieldError[] {
  return [...validateObjectMeta(meta, requiresNamespace, nameFn, fld), ...validateKubeFinalizers(meta.finalizers, child(fld, 'finalizers'))];
}

/** ValidateImmutableField: `shown` is the bad value as upstream prints it (defaults to the new value). */
export function validateImmutableField(newVal: unknown, oldVal: unknown, fld: Path, shown: unknown = newVal ?? null): FieldError[] {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(fld, shown, 'field is immutable')];
}

const immutable = validateImmutableField;

function noNewFinalizers(meta: ObjectMeta, old: ObjectMeta, fld: Path): FieldError[] {
  const oldSet = new Set(arr(old.finalizers).map(str));
  const extra = [...new Set(arr(meta.finalizers).map(str))].filter((f) => !oldSet.has(f)).sort();
  if (!extra.length) return [];
  return [forbidden(fld, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`)];
}

/**
 * apimachinery ValidateObjectMetaAccessorUpdate, without the resourceVersion check (the
 * registry adds "must be specified for an update" itself).
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, fld: Path = 'metadata'): FieldError[] {
  const errs: FieldError[] = old.deletionTimestamp ? noNewFinalizers(meta, old, child(fld, 'finalizers')) : [];
  const gen = typeof meta.generation === 'number' ? meta.generation : 0;
  if (gen < (typeof old.generation === 'number' ? old.generation : 0)) errs.push(invalid(child(fld, 'generation'), gen, 'must not be decremented'));
  errs.push(...immutable(str(meta.name), str(old.name), child(fld, 'name')));
  errs.push(...immutable(str(meta.namespace), str(old.namespace), child(fld, 'namespace')));
  // BeforeUpdate copies an absent uid, the creation timestamp and an existing deletion
  // timestamp from the old object before validating, so only real changes are reported.
  if (str(meta.uid)) errs.push(...immutable(str(meta.uid), str(old.uid), child(fld, 'uid')));
  if (meta.creationTimestamp && old.creationTimestamp) errs.push(...immutable(meta.creationTimestamp, old.creationTimestamp, child(fld, 'creationTimestamp')));
  if (meta.deletionTimestamp) errs.push(...immutable(meta.deletionTimestamp, old.deletionTimestamp, child(fld, 'deletionTimestamp'), goTimeValue(str(meta.deletionTimestamp))));
  if (meta.deletionGracePeriodSeconds !== undefined) errs.push(...immutable(meta.deletionGracePeriodSeconds, old.deletionGracePeriodSeconds, child(fld, 'deletionGracePeriodSeconds')));
  errs.push(...validateLabels(meta.labels, child(fld, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(fld, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(fld, 'ownerReferences')));
  return errs;
}

/** core's ValidateObjectMetaUpdate: the generic update checks plus kube finalizer names. */
export function validateCoreObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, fld: Path = 'metadata'): FieldError[] {
  return [...validateObjectMetaUpdate(meta, old, fld), ...validateKubeFinalizers(meta.finalizers, child(fld, 'finalizers'))];
}

/** core's ValidateTemplateObjectMeta-like checks used for pod templates: labels and annotations. */
export function validateLabelValue(value: string, fld: Path): FieldError[] {
  return isValidLabelValue(value).map((m) => invalid(fld, value, m));
}

