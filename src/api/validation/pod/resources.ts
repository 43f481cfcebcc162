// Container resources (ValidateContainerResourceRequirements): names, quantities, requests <= limits.
import type { FieldError } from '../../types.js';
import { child, forbidden, invalid, key, required, type Path } from '../field.js';
import { obj, type JsonObject } from '../json.js';
import { compareQuantity, quantityOf, quantityString, type Quantity } from '../quantity.js';
import { isHugePageResourceName, isOvercommitAllowed, validateContainerResourceName, validateResourceQuantityValue } from '../core/resourcenames.js';

const QOS = new Set(['cpu', 'memory']);

function quantities(list: unknown): Array<[string, Quantity]> {
  return Object.entries(obj(list)).flatMap(([k, v]) => {
    const q = quantityOf(v);
    return q ? [[k, q] as [string, Quantity]] : [];
  });
}

function requestVsLimit(name: string, q: Quantity, limits: Map<string, Quantity>, limPath: Path, reqPath: Path): FieldError[] {
  const limit = limits.get(name);
  if (!limit) return isOvercommitAllowed(name) ? [] : [required(limPath, 'Limit must be set for non overcommitable resources')];
  const cmp = compareQuantity(q, limit);
  if (cmp !== 0 && !isOvercommitAllowed(name)) return [invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(limit)}`)];
  if (cmp > 0) return [invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(limit)}`)];
  return [];
}

export function validateResourceRequirements(resources: JsonObject, fld: Path): FieldError[] {
  const limPath = child(fld, 'limits');
  const reqPath = child(fld, 'requests');
  const limits = new Map(quantities(resources.limits));
  const errs: FieldError[] = [];
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, q] of limits) {
    errs.push(...validateContainerResourceName(name, key(limPath, name)), ...validateResourceQuantityValue(name, q, key(limPath, name)));
    hugePages ||= isHugePageResourceName(name);
    cpuOrMemory ||= QOS.has(name);
  }
  for (const [name, q] of quantities(resources.requests)) {
    errs.push(...validateContainerResourceName(name, key(reqPath, name)), ...validateResourceQuantityValue(name, q, key(reqPath, name)));
    errs.push(...requestVsLimit(name, q, limits, limPath, reqPath));
    hugePages ||= isHugePageResourceName(name);
    cpuOrMemory ||= QOS.has(name);
  }
  if (hugePages && !cpuOrMemory) errs.push(forbidden(fld, 'HugePages require cpu or memory'));
  return errs;
}
