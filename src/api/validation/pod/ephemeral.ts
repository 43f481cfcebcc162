// Generic ephemeral volumes: the embedded PVC template (validateEphemeralVolumeSource).
import type { FieldError, ObjectMeta } from '../../types.js';
import { child, forbidden, invalid, required, type Path } from '../field.js';
import { has, obj, optObj, str, type JsonObject } from '../json.js';
import { validateAnnotations } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { validateLabels } from '../selector.js';
import { validatePVCSpec } from '../core/pvc.js';

/** ValidateTemplateObjectMeta: only labels and annotations may be set. */
export function validateTemplateObjectMeta(meta: JsonObject, fld: Path): FieldError[] {
  const errs = validateAnnotations(optObj(meta.annotations), child(fld, 'annotations'));
  errs.push(...validateLabels(optObj(meta.labels), child(fld, 'labels')));
  for (const k of Object.keys(meta)) {
    if (k !== 'labels' && k !== 'annotations' && has(meta, k)) errs.push(forbidden(child(fld, k), 'cannot be set'));
  }
  return errs;
}

export function validateEphemeralSource(src: JsonObject, fld: Path, volName: string, podMeta?: ObjectMeta): FieldError[] {
  const tmpl = optObj(src.volumeClaimTemplate);
  if (!tmpl) return [required(child(fld, 'volumeClaimTemplate'))];
  const tPath = child(fld, 'volumeClaimTemplate');
  const errs = validateTemplateObjectMeta(obj(tmpl.metadata), child(tPath, 'metadata'));
  errs.push(...validatePVCSpec(obj(tmpl.spec), child(tPath, 'spec')));
  const podName = str(podMeta?.name);
  if (podName && volName) {
    const pvcName = `${podName}-${volName}`;
    const volPath = fld.replace(/\.ephemeral$/, '');
    for (const msg of nameIsDNSSubdomain(pvcName, false)) errs.push(invalid(child(volPath, 'name'), volName, `PVC name "${pvcName}": ${msg}`));
  }
  return errs;
}
