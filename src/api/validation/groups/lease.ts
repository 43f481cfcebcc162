// coordination.k8s.io Lease (ValidateLease[Spec]).
import type { FieldError, KObject } from '../../types.js';
import { invalid } from '../field.js';
import { obj, optNum } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';

export function validateLease(lease: KObject, old?: KObject): FieldError[] {
  const spec = obj(lease.spec);
  const errs = old ? validateCoreObjectMetaUpdate(lease.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(lease.metadata, true, nameIsDNSSubdomain));
  const duration = optNum(spec.leaseDurationSeconds);
  if (duration !== undefined && duration <= 0) errs.push(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = optNum(spec.leaseTransitions);
  if (transitions !== undefined && transitions < 0) errs.push(invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  return errs;
}
