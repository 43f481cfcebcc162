// ValidatePodTemplateSpec: the pod template inside workloads and PodTemplate objects.
import type { FieldError } from '../../types.js';
import { child, forbidden, type Path } from '../field.js';
import { arr, obj, optObj, type JsonObject } from '../json.js';
import { validateAnnotations } from '../meta.js';
import { validateLabels } from '../selector.js';
import { validatePodSpecificAnnotations } from './annotations.js';
import { validatePodSpec } from './spec.js';

export function validatePodTemplateSpec(template: JsonObject, fld: Path): FieldError[] {
  const meta = obj(template.metadata);
  const spec = obj(template.spec);
  const errs = validateLabels(optObj(meta.labels), child(fld, 'labels'));
  errs.push(...validateAnnotations(optObj(meta.annotations), child(fld, 'annotations')));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, spec, child(fld, 'annotations')));
  errs.push(...validatePodSpec(spec, child(fld, 'spec'), { resourceIsPod: false }));
  if (arr(spec.ephemeralContainers).length) errs.push(forbidden(child(fld, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}
