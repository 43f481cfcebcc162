// Pod create and update (ValidatePodCreate, ValidatePodUpdate) and PodTemplate objects.
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, index, invalid, required, type Path } from '../field.js';
import { arr, obj, objs, optNum, semanticEqual, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { inclusiveRangeError } from '../names.js';
import { validatePodSpecificAnnotations, validatePodSpecificAnnotationUpdates } from './annotations.js';
import { structDiff } from './diff.js';
import { validateTolerations } from './scheduling.js';
import { imageWhitespace, projectedTokenNeedsServiceAccount, validatePodSpec } from './spec.js';
import { validatePodTemplateSpec } from './template.js';

const MAX_INT32 = 2147483647;
const UPDATABLE = [
  '`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validatePodMetadataAndSpec(pod: KObject): FieldError[] {
  const spec = obj(pod.spec);
  const errs = validateCoreObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(pod.metadata.annotations, spec, 'metadata.annotations'));
  errs.push(...validatePodSpec(spec, 'spec', { resourceIsPod: true, podMeta: pod.metadata }));
  errs.push(...projectedTokenNeedsServiceAccount(spec, 'spec'));
  return [...errs, ...imageWhitespace(spec.containers, 'spec.containers'), ...imageWhitespace(spec.initContainers, 'spec.initContainers')];
}

export function validatePodCreate(pod: KObject): FieldError[] {
  const spec = obj(pod.spec);
  const errs = validatePodMetadataAndSpec(pod);
  if (arr(spec.ephemeralContainers).length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) && arr(spec.schedulingGates).length) errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

function containerUpdates(n: JsonObject[], o: JsonObject[], fld: Path): { errs: FieldError[]; stop: boolean } {
  if (n.length !== o.length) return { errs: [forbidden(fld, 'pod updates may not add or remove containers')], stop: true };
  const errs = n.flatMap((c, i) => (str(c.image) ? [] : [required(child(index(fld, i), 'image'))]));
  return { errs: [...errs, ...imageWhitespace(n, fld)], stop: false };
}

function activeDeadline(spec: JsonObject, oldSpec: JsonObject): { errs: FieldError[]; stop: boolean } {
  const v = optNum(spec.activeDeadlineSeconds);
  const old = optNum(oldSpec.activeDeadlineSeconds);
  const fld = 'spec.activeDeadlineSeconds';
  if (v === undefined) return { errs: old === undefined ? [] : [invalid(fld, null, 'must not update from a positive integer to nil value')], stop: false };
  if (v < 0 || v > MAX_INT32) return { errs: [invalid(fld, v, inclusiveRangeError(0, MAX_INT32))], stop: true };
  if (old !== undefined && old < v) return { errs: [invalid(fld, v, 'must be less than or equal to previous value')], stop: true };
  return { errs: [], stop: false };
}

function onlyAddedTolerations(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  const next = objs(spec.tolerations);
  for (const old of objs(oldSpec.tolerations)) {
    if (!next.some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t))) {
      return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return validateTolerations(spec.tolerations, 'spec.tolerations');
}

function onlyDeletedGates(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  const old = new Set(objs(oldSpec.schedulingGates).map((g) => str(g.name)));
  return objs(spec.schedulingGates).flatMap((g, i) =>
    old.has(str(g.name)) ? [] : [forbidden(child(index('spec.schedulingGates', i), 'name'), `only deletion is allowed, but found new scheduling gate '${str(g.name)}'`)],
  );
}

/** The new spec with every field an update may change put back to its old value. */
function munge(spec: JsonObject, oldSpec: JsonObject): JsonObject {
  const m: JsonObject = structuredClone(spec);
  const withOldImages = (list: unknown, old: unknown): unknown => objs(list).map((c, i) => ({ ...c, image: objs(old)[i]?.image }));
  if (Array.isArray(m.containers)) m.containers = withOldImages(m.containers, oldSpec.containers);
  if (Array.isArray(m.initContainers)) m.initContainers = withOldImages(m.initContainers, oldSpec.initContainers);
  for (const k of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) m[k] = oldSpec[k];
  // pods/binding is served through the registry's update here (upstream writes it without
  // ValidatePodUpdate), so assigning a node to an unscheduled pod must pass.
  if (!str(oldSpec.nodeName)) m.nodeName = oldSpec.nodeName;
  const oldGrace = optNum(oldSpec.terminationGracePeriodSeconds);
  if (oldGrace !== undefined && oldGrace < 0 && optNum(m.terminationGracePeriodSeconds) === 1) m.terminationGracePeriodSeconds = oldGrace;
  return m;
}

export function validatePodUpdate(pod: KObject, old: KObject): FieldError[] {
  const spec = obj(pod.spec);
  const oldSpec = obj(old.spec);
  const errs = validateCoreObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  errs.push(...validatePodSpecificAnnotationUpdates(pod.metadata.annotations, old.metadata.annotations, spec, 'metadata.annotations'));
  for (const f of ['containers', 'initContainers']) {
    const r = containerUpdates(objs(spec[f]), objs(oldSpec[f]), `spec.${f}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = activeDeadline(spec, oldSpec);
  errs.push(...ads.errs);
  if (ads.stop) return errs;
  errs.push(...onlyAddedTolerations(spec, oldSpec), ...onlyDeletedGates(spec, oldSpec));
  if (semanticEqual(spec, oldSpec)) return errs;
  const munged = munge(spec, oldSpec);
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE.join(',')}\n${structDiff('core.PodSpec', oldSpec, munged)}`));
  }
  return errs;
}

/** PodTemplate objects (ValidatePodTemplate / ValidatePodTemplateUpdate). */
export function validatePodTemplateObject(o: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(o.metadata, old.metadata) : validateCoreObjectMeta(o.metadata, true, nameIsDNSSubdomain);
  return [...errs, ...validatePodTemplateSpec(obj(o.template), 'template')];
}
