// PersistentVolumeClaim (ValidatePersistentVolumeClaim[Spec], ValidatePersistentVolumeClaimUpdate).
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, key, notSupported, required, type Path } from '../field.js';
import { has, obj, optObj, semanticEqual, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../namefuncs.js';
import { isDNS1123Subdomain } from '../names.js';
import { compareQuantity, quantityOf, quantityString } from '../quantity.js';
import { validateLabelSelector } from '../selector.js';
import { structDiff } from '../pod/diff.js';
import { validateResourceQuantityValue } from './resourcenames.js';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];

/** Access modes: supported values, and ReadWriteOncePod alone. */
export function validateAccessModes(modes: string[], fld: Path): FieldError[] {
  const errs = modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(fld, m, ACCESS_MODES));
  const rwop = modes.includes('ReadWriteOncePod');
  if (rwop && modes.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) errs.push(forbidden(fld, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function storageRequest(spec: JsonObject, fld: Path): FieldError[] {
  const p = key(child(fld, 'resources'), 'storage');
  const raw = obj(obj(spec.resources).requests).storage;
  const q = quantityOf(raw);
  if (raw === undefined || !q) return [required(p)];
  if (q.nano <= 0n) return [invalid(p, quantityString(q), 'must be greater than zero')];
  return validateResourceQuantityValue('storage', q, p);
}

function dataSource(ds: JsonObject, fld: Path, withNamespace: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(ds.name)) errs.push(required(child(fld, 'name')));
  if (!str(ds.kind)) errs.push(required(child(fld, 'kind')));
  const group = str(ds.apiGroup);
  if (!group && str(ds.kind) !== 'PersistentVolumeClaim') errs.push(invalid(fld, str(ds.kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) errs.push(...isDNS1123Subdomain(group).map((m) => invalid(child(fld, 'apiGroup'), group, m)));
  if (withNamespace && str(ds.namespace)) errs.push(...nameIsDNSLabel(str(ds.namespace), false).map((m) => invalid(child(fld, 'namespace'), str(ds.namespace), m)));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePVCSpec(spec: JsonObject, fld: Path): FieldError[] {
  const modes = strList(spec.accessModes) ?? [];
  const errs = modes.length ? [] : [required(child(fld, 'accessModes'), 'at least 1 access mode is required')];
  if (has(spec, 'selector')) errs.push(...validateLabelSelector(spec.selector, child(fld, 'selector')));
  errs.push(...validateAccessModes(modes, child(fld, 'accessModes')), ...storageRequest(spec, fld));
  const sc = str(spec.storageClassName);
  if (sc) errs.push(...nameIsDNSSubdomain(sc, false).map((m) => invalid(child(fld, 'storageClassName'), sc, m)));
  if (has(spec, 'volumeMode') && !VOLUME_MODES.includes(str(spec.volumeMode))) errs.push(notSupported(child(fld, 'volumeMode'), str(spec.volumeMode), VOLUME_MODES));
  if (has(spec, 'dataSource')) errs.push(...dataSource(obj(spec.dataSource), child(fld, 'dataSource'), false));
  if (has(spec, 'dataSourceRef')) errs.push(...dataSource(obj(spec.dataSourceRef), child(fld, 'dataSourceRef'), true));
  return errs;
}

export function validatePVC(pvc: KObject): FieldError[] {
  return [...validateCoreObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(obj(pvc.spec), 'spec')];
}

/** The new spec with what a bound claim may change (and a first volumeName) taken from the old one. */
function mungedSpec(pvc: KObject, old: KObject): { spec: JsonObject; oldSpec: JsonObject } {
  const spec: JsonObject = structuredClone(obj(pvc.spec));
  const oldSpec: JsonObject = structuredClone(obj(old.spec));
  if (!str(oldSpec.volumeName)) oldSpec.volumeName = spec.volumeName;
  if (!has(oldSpec, 'storageClassName') && has(spec, 'storageClassName')) spec.storageClassName = oldSpec.storageClassName;
  const bound = str(obj(pvc.status).phase) === 'Bound';
  if (bound && optObj(obj(spec.resources).requests)) {
    const requests = obj(obj(spec.resources).requests);
    requests.storage = obj(obj(oldSpec.resources).requests).storage;
  }
  return { spec, oldSpec };
}

export function validatePVCUpdate(pvc: KObject, old: KObject): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(pvc.metadata, old.metadata);
  errs.push(...validatePVC(pvc));
  const { spec, oldSpec } = mungedSpec(pvc, old);
  if (!semanticEqual(spec, oldSpec)) {
    errs.push(forbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${structDiff('core.PersistentVolumeClaimSpec', oldSpec, spec)}`));
  }
  const newSize = quantityOf(obj(obj(obj(pvc.spec).resources).requests).storage);
  const oldSize = quantityOf(obj(obj(obj(old.spec).resources).requests).storage);
  const statusSize = quantityOf(obj(obj(old.status).capacity).storage) ?? { nano: 0n, format: 'DecimalSI' as const };
  if (newSize && oldSize && compareQuantity(newSize, oldSize) < 0 && compareQuantity(newSize, statusSize) <= 0) {
    errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  return [...errs, ...validateImmutableField(obj(pvc.spec).volumeMode, obj(old.spec).volumeMode, 'volumeMode')];
}

