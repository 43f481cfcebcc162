// storage.k8s.io CSIStorageCapacity (ValidateCSIStorageCapacity[Update]): the strategy checks an
// update as a create plus the immutability of nodeTopology and storageClassName.
import type { FieldError, KObject } from '../../types.js';
import { invalid } from '../field.js';
import { goLabelSelector } from '../govalue.js';
import { str } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { quantityOf, quantityString } from '../quantity.js';
import { validateLabelSelector } from '../selector.js';

function fields(c: KObject): FieldError[] {
  const errs = validateLabelSelector(c.nodeTopology, 'nodeTopology');
  const sc = str(c.storageClassName);
  errs.push(...nameIsDNSSubdomain(sc, false).map((m) => invalid('storageClassName', sc, m)));
  const q = quantityOf(c.capacity);
  if (q && q.nano < 0n) errs.push(invalid('capacity', quantityString(q), 'must be greater than or equal to 0'));
  return errs;
}

export function validateCSIStorageCapacity(c: KObject, old?: KObject): FieldError[] {
  const errs = [...validateCoreObjectMeta(c.metadata, true, nameIsDNSSubdomain), ...fields(c)];
  if (!old) return errs;
  errs.push(...validateCoreObjectMetaUpdate(c.metadata, old.metadata));
  errs.push(...validateImmutableField(c.nodeTopology ?? null, old.nodeTopology ?? null, 'nodeTopology', goLabelSelector(c.nodeTopology)));
  return [...errs, ...validateImmutableField(str(c.storageClassName), str(old.storageClassName), 'storageClassName')];
}
