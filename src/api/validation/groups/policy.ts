// policy/v1 PodDisruptionBudget (ValidatePodDisruptionBudget[Spec]); its metadata gets only the
// generic checks, as upstream's strategy validates the spec alone.
import type { FieldError, KObject } from '../../types.js';
import { invalid, notSupported } from '../field.js';
import { goStructOf } from '../govalue.js';
import { has, obj, str } from '../json.js';
import { validateLabelSelector } from '../selector.js';
import { notMoreThan100Percent, validatePositiveIntOrPercent } from '../apps/common.js';

export function validatePodDisruptionBudget(pdb: KObject): FieldError[] {
  const spec = obj(pdb.spec);
  const errs: FieldError[] = [];
  if (has(spec, 'minAvailable') && has(spec, 'maxUnavailable')) errs.push(invalid('spec', goStructOf('policy.PodDisruptionBudgetSpec', spec), 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable']) {
    if (has(spec, f)) errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`), ...notMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !['IfHealthyBudget', 'AlwaysAllow'].includes(str(policy))) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', str(policy), ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}
