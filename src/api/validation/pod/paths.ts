// Relative file paths inside volumes (validateLocalDescendingPath and friends).
import type { FieldError } from '../../types.js';
import { invalid, type Path } from '../field.js';

/** validatePathNoBacksteps: no `..` element. */
export function validatePathNoBacksteps(target: string, fld: Path): FieldError[] {
  return target.replace(/\\/g, '/').split('/').includes('..') ? [invalid(fld, target, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, no `..` element. */
export function validateLocalDescendingPath(target: string, fld: Path): FieldError[] {
  const errs = target.startsWith('/') ? [invalid(fld, target, 'must be a relative path')] : [];
  return [...errs, ...validatePathNoBacksteps(target, fld)];
}

/** ValidateLocalNonReservedPath: as above, and not starting with `..`. */
export function validateLocalNonReservedPath(target: string, fld: Path): FieldError[] {
  const errs = validateLocalDescendingPath(target, fld);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(fld, target, "must not start with '..'"));
  return errs;
}
