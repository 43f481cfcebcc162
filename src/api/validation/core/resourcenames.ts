// Resource names (pkg/apis/core/helper) and quantity checks shared by containers, quota and limits.
import type { FieldError } from '../../types.js';
import { invalid, type Path } from '../field.js';
import { GoLiteral } from '../govalue.js';
import { isQualifiedName } from '../names.js';
import { quantityMilliValue, quantityString, type Quantity } from '../quantity.js';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);
const STANDARD = new Set([...STANDARD_CONTAINER, 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', ...INTEGER, 'storage', 'requests.storage']);
const STANDARD_QUOTA = new Set([...STANDARD_CONTAINER, 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', ...INTEGER]);

export const isHugePageResourceName = (n: string): boolean => n.startsWith('hugepages-');
const isQuotaHugePage = (n: string): boolean => n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');
export const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
export const isExtendedResourceName = (n: string): boolean =>
  !isNativeResource(n) && !n.startsWith('requests.') && isQualifiedName(`requests.${n}`).length === 0;
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResourceName(n);
export const isIntegerResourceName = (n: string): boolean => INTEGER.has(n) || isExtendedResourceName(n);
export const isStandardQuotaResourceName = (n: string): boolean => STANDARD_QUOTA.has(n) || isQuotaHugePage(n);

/** validateResourceName: qualified, and standard unless fully qualified. */
export function validateResourceName(name: string, fld: Path): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(fld, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !(STANDARD.has(name) || isQuotaHugePage(name))) {
    return [invalid(fld, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

/** validateContainerResourceName. */
export function validateContainerResourceName(name: string, fld: Path): FieldError[] {
  const errs = validateResourceName(name, fld);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER.has(name) && !isHugePageResourceName(name)) errs.push(invalid(fld, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(fld, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** ValidateResourceQuotaResourceName. */
export function validateQuotaResourceName(name: string, fld: Path): FieldError[] {
  const errs = validateResourceName(name, fld);
  if (!name.includes('/') && !isStandardQuotaResourceName(name)) errs.push(invalid(fld, name, 'must be a standard resource for quota'));
  return errs;
}

/** resource.Quantity as %#v prints it (its String() has a pointer receiver). */
export function goQuantity(q: Quantity): GoLiteral {
  return new GoLiteral(`resource.Quantity{i:resource.int64Amount{value:${q.nano}, scale:-9}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"${quantityString(q)}", Format:"${q.format}"}`);
}

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateResourceQuantityValue(name: string, q: Quantity, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (q.nano < 0n) errs.push(invalid(fld, quantityString(q), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(name) && quantityMilliValue(q) % 1000n !== 0n) errs.push(invalid(fld, goQuantity(q), 'must be an integer'));
  return errs;
}
