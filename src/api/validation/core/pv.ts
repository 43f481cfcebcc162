// PersistentVolume (ValidatePersistentVolume[Spec], ValidatePersistentVolumeUpdate).
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, key, notSupported, required, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, obj, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { quantityOf, quantityString } from '../quantity.js';
import { validateNodeSelector } from '../pod/affinity.js';
import { structDiff } from '../pod/diff.js';
import { validatePathNoBacksteps } from '../pod/paths.js';
import { validateAccessModes, VOLUME_MODES } from './pvc.js';
import { goQuantity } from './resourcenames.js';

const SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi'];
const RECLAIM = ['Delete', 'Recycle', 'Retain'];

function capacity(spec: JsonObject, fld: Path): FieldError[] {
  const cap = obj(spec.capacity);
  const keys = Object.keys(cap);
  const errs = keys.length ? [] : [required(fld)];
  if (!keys.includes('storage') || keys.length > 1) {
    const shown = new GoLiteral(`core.ResourceList{${keys.map((k) => { const q = quantityOf(cap[k]); return `${goQuote(k)}:${q ? goQuantity(q).text : '{}'}`; }).join(', ')}}`);
    errs.push(notSupported(fld, shown, ['storage']));
  }
  for (const k of keys) {
    const q = quantityOf(cap[k]);
    if (q && q.nano <= 0n) errs.push(invalid(key(fld, k), quantityString(q), 'must be greater than zero'));
  }
  return errs;
}

function sourceBody(k: string, src: JsonObject, fld: Path): FieldError[] {
  if (k === 'hostPath' || k === 'local') return str(src.path) ? validatePathNoBacksteps(str(src.path), child(fld, 'path')) : [required(child(fld, 'path'))];
  if (k === 'nfs') {
    const errs = ['server', 'path'].filter((f) => !str(src[f])).map((f) => required(child(fld, f)));
    return str(src.path).startsWith('/') ? errs : [...errs, invalid(child(fld, 'path'), str(src.path), 'must be an absolute path')];
  }
  if (k === 'csi') return ['driver', 'volumeHandle'].filter((f) => !str(src[f])).map((f) => required(child(fld, f)));
  return [];
}

function volumeSources(spec: JsonObject, fld: Path, nodeAffinitySet: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const k of SOURCES) {
    if (!has(spec, k)) continue;
    const p = child(fld, k === 'gcePersistentDisk' ? 'persistentDisk' : k);
    if (n > 0 && k !== 'flexVolume') {
      errs.push(forbidden(child(fld, k === 'cephfs' ? 'cephFS' : k), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    errs.push(...sourceBody(k, obj(spec[k]), p));
    if (k === 'local' && !nodeAffinitySet) errs.push(required(child(fld, 'nodeAffinity'), 'Local volume requires node affinity'));
  }
  return n ? errs : [...errs, required(fld, 'must specify a volume type')];
}

function nodeAffinity(spec: JsonObject, fld: Path): FieldError[] {
  if (!has(spec, 'nodeAffinity')) return [];
  const na = obj(spec.nodeAffinity);
  if (!has(na, 'required')) return [required(child(fld, 'required'), 'must specify required node constraints')];
  return validateNodeSelector(obj(na.required), child(fld, 'required'));
}

const INLINE = 'may not be specified in the context of inline volumes';

/** What a PV spec inlined in a VolumeAttachment may not have, and the CSI source it must. */
function inlineOnly(spec: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = has(spec, 'claimRef') ? [forbidden(child(fld, 'claimRef'), INLINE)] : [];
  if (Object.keys(obj(spec.capacity)).length) errs.push(forbidden(child(fld, 'capacity'), INLINE));
  if (!has(spec, 'csi')) errs.push(required(child(fld, 'csi'), 'has to be specified in the context of inline volumes'));
  return errs;
}

function reclaimPolicy(policy: string, fld: Path, inline: boolean): FieldError[] {
  if (!policy) return [];
  if (inline) return policy === 'Retain' ? [] : [forbidden(fld, 'may only be Retain in the context of inline volumes')];
  return RECLAIM.includes(policy) ? [] : [notSupported(fld, policy, RECLAIM)];
}

function classAndMode(spec: JsonObject, fld: Path, inline: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const sc = str(spec.storageClassName);
  if (sc && inline) errs.push(forbidden(child(fld, 'storageClassName'), INLINE));
  else if (sc) errs.push(...nameIsDNSSubdomain(sc, false).map((m) => invalid(child(fld, 'storageClassName'), sc, m)));
  if (!has(spec, 'volumeMode')) return errs;
  const mode = str(spec.volumeMode);
  if (inline && mode !== 'Filesystem') errs.push(forbidden(child(fld, 'volumeMode'), 'may not specify volumeMode other than Filesystem in the context of inline volumes'));
  else if (!inline && !VOLUME_MODES.includes(mode)) errs.push(notSupported(child(fld, 'volumeMode'), mode, VOLUME_MODES));
  return errs;
}

/** ValidatePersistentVolumeSpec; inline for a VolumeAttachment's inlineVolumeSpec. */
export function validatePVSpec(spec: JsonObject, fld: Path, inline = false): FieldError[] {
  const modes = strList(spec.accessModes) ?? [];
  const errs = inline ? inlineOnly(spec, fld) : [];
  if (!modes.length) errs.push(required(child(fld, 'accessModes')));
  errs.push(...validateAccessModes(modes, child(fld, 'accessModes')));
  if (!inline) errs.push(...capacity(spec, child(fld, 'capacity')));
  const policy = str(spec.persistentVolumeReclaimPolicy);
  errs.push(...reclaimPolicy(policy, child(fld, 'persistentVolumeReclaimPolicy'), inline));
  if (inline && has(spec, 'nodeAffinity')) errs.push(forbidden(child(fld, 'nodeAffinity'), INLINE));
  else errs.push(...nodeAffinity(spec, child(fld, 'nodeAffinity')));
  errs.push(...volumeSources(spec, fld, !inline && has(spec, 'nodeAffinity')));
  if (policy === 'Recycle' && has(spec, 'hostPath') && str(obj(spec.hostPath).path).replace(/\/+$/, '') === '') {
    errs.push(forbidden(child(fld, 'persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  return [...errs, ...classAndMode(spec, fld, inline)];
}

export function validatePV(pv: KObject): FieldError[] {
  return [...validateCoreObjectMeta(pv.metadata, false, nameIsDNSSubdomain), ...validatePVSpec(obj(pv.spec), 'spec')];
}

function sourceOf(spec: JsonObject): JsonObject {
  return Object.fromEntries(SOURCES.filter((k) => has(spec, k)).map((k) => [k, spec[k]]));
}

export function validatePVUpdate(pv: KObject, old: KObject): FieldError[] {
  const spec = obj(pv.spec);
  const oldSpec = obj(old.spec);
  const errs = validatePV(pv);
  const a = sourceOf(oldSpec);
  const b = sourceOf(spec);
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    errs.push(forbidden('spec.persistentvolumesource', `spec.persistentvolumesource is immutable after creation\n${structDiff('core.PersistentVolumeSource', a, b)}`));
  }
  errs.push(...validateImmutableField(spec.volumeMode, oldSpec.volumeMode, 'volumeMode'));
  if (has(oldSpec, 'nodeAffinity') && JSON.stringify(spec.nodeAffinity) !== JSON.stringify(oldSpec.nodeAffinity)) {
    errs.push(invalid('nodeAffinity', new GoLiteral('&core.VolumeNodeAffinity{...}'), 'field is immutable, except for updating from beta label to GA'));
  }
  return errs;
}
