// storage.k8s.io VolumeAttachment (ValidateVolumeAttachment[V1|Update]): v1 creates also check
// the attacher as a CSI driver name and the PV name; the spec never changes after create.
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, required, tooLong, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, obj, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { inclusiveRangeError } from '../names.js';
import { validatePVSpec } from '../core/pv.js';
import { validateCSIDriverName } from './csidriver.js';

const MAX_METADATA_SIZE = 256 * 1024;
const MAX_ERROR_MESSAGE = 1024;
const ONE_OF = 'must specify exactly one of inlineVolumeSpec and persistentVolumeName';

function source(src: JsonObject, fld: Path): FieldError[] {
  const inline = has(src, 'inlineVolumeSpec');
  const pv = has(src, 'persistentVolumeName');
  if (!inline && !pv) return [required(fld, ONE_OF)];
  if (inline && pv) return [forbidden(fld, ONE_OF)];
  if (pv) return str(src.persistentVolumeName) ? [] : [required(child(fld, 'persistentVolumeName'), 'must specify non empty persistentVolumeName')];
  return validatePVSpec(obj(src.inlineVolumeSpec), child(fld, 'inlineVolumeSpec'), true);
}

function volumeError(e: unknown, fld: Path): FieldError[] {
  if (!e || typeof e !== 'object') return [];
  const { message, errorCode } = e as { message?: unknown; errorCode?: unknown };
  const errs = str(message).length > MAX_ERROR_MESSAGE ? [tooLong(child(fld, 'message'), MAX_METADATA_SIZE)] : [];
  if (typeof errorCode === 'number' && errorCode < 0) errs.push(invalid(child(fld, 'errorCode'), errorCode, inclusiveRangeError(0, 2147483647)));
  return errs;
}

function common(va: KObject): FieldError[] {
  const spec = obj(va.spec);
  const status = obj(va.status);
  const errs = [...validateCoreObjectMeta(va.metadata, false, nameIsDNSSubdomain)];
  if (!str(spec.attacher)) errs.push(required('spec.attacher'));
  errs.push(...source(obj(spec.source), 'spec.source'));
  const node = str(spec.nodeName);
  errs.push(...nameIsDNSSubdomain(node, false).map((m) => invalid('spec.nodeName', node, m)));
  const size = Object.entries(obj(status.attachmentMetadata)).reduce((n, [k, v]) => n + k.length + str(v).length, 0);
  if (size > MAX_METADATA_SIZE) errs.push(tooLong('status.attachmentMetadata', MAX_METADATA_SIZE));
  errs.push(...volumeError(status.attachError, 'status.attachError'), ...volumeError(status.detachError, 'status.detachError'));
  return errs;
}

function v1Checks(va: KObject): FieldError[] {
  const spec = obj(va.spec);
  const errs = validateCSIDriverName(str(spec.attacher), 'spec.attacher');
  const pv = obj(spec.source).persistentVolumeName;
  if (typeof pv === 'string') errs.push(...nameIsDNSSubdomain(pv, false).map((m) => invalid('spec.source.persistentVolumeName', pv, m)));
  return errs;
}

/** %#v of a storage.VolumeAttachmentSpec; Go prints its pointers as addresses, which it makes up. */
function goSpec(spec: JsonObject): GoLiteral {
  const src = obj(spec.source);
  const ptr = (t: string, set: boolean) => `(*${t})(${set ? '0xc000000000' : 'nil'})`;
  const source = `storage.VolumeAttachmentSource{PersistentVolumeName:${ptr('string', has(src, 'persistentVolumeName'))}, InlineVolumeSpec:${ptr('core.PersistentVolumeSpec', has(src, 'inlineVolumeSpec'))}}`;
  return new GoLiteral(`storage.VolumeAttachmentSpec{Attacher:${goQuote(str(spec.attacher))}, Source:${source}, NodeName:${goQuote(str(spec.nodeName))}}`);
}

export function validateVolumeAttachment(va: KObject, old?: KObject): FieldError[] {
  if (!old) return [...common(va), ...v1Checks(va)];
  return [...common(va), ...validateImmutableField(va.spec ?? {}, old.spec ?? {}, 'spec', goSpec(obj(va.spec)))];
}
