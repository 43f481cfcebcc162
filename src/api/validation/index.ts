// Validation of stored objects as kube-apiserver v1.32 performs it: the kind's strategy first,
// then (on create, only if the strategy passed) the generic metadata rules every object obeys.
// Field errors carry upstream's type, path, bad value and detail; see field.ts for their text.
import type { FieldError, KObject } from '../types.js';
import { dedupeFieldErrors } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { pathSegmentName } from './namefuncs.js';
import { STRATEGIES } from './registry.js';

export interface ValidationOptions {
  /** Whether the resource is namespace-scoped (metadata.namespace required, else forbidden). */
  namespaced: boolean;
}

export { fieldErrorBody, fieldErrorString, fieldErrorsAggregate, formatBadValue } from './field.js';
export { normalizeServiceClusterIPs, validateNodePortRange } from './core/service-ips.js';
export { QUANTITY_FORMAT_ERROR, canonicalQuantity, parseQuantity } from './quantity.js';

/** Upstream clears metadata.namespace on cluster-scoped objects before validating them. */
function withoutClusterNamespace(obj: KObject, opts: ValidationOptions): KObject {
  if (opts.namespaced || !obj.metadata?.namespace) return obj;
  const copy = { ...obj, metadata: { ...obj.metadata } };
  delete copy.metadata.namespace;
  return copy;
}

/** rest.BeforeCreate: strategy.Validate, then (if clean) ValidateObjectMetaAccessor with path-segment names. */
export function validateCreate(qualifiedKind: string, input: KObject, opts: ValidationOptions): FieldError[] {
  const obj = withoutClusterNamespace(input, opts);
  const strategy = STRATEGIES[qualifiedKind];
  const errs = strategy ? strategy.create(obj) : [];
  if (errs.length) return dedupeFieldErrors(errs);
  return validateObjectMeta(obj.metadata, opts.namespaced, pathSegmentName);
}

/**
 * rest.BeforeUpdate: validateCommonFields (generic metadata and its update rules, less the
 * resourceVersion check the registry makes) followed by strategy.ValidateUpdate. Errors whose
 * text repeats (both layers check name immutability) are reported once, as upstream prints them.
 */
export function validateUpdate(qualifiedKind: string, input: KObject, old: KObject, opts: ValidationOptions): FieldError[] {
  const obj = withoutClusterNamespace(input, opts);
  const errs = [...validateObjectMeta(obj.metadata, opts.namespaced, pathSegmentName), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
  const strategy = STRATEGIES[qualifiedKind];
  if (strategy) errs.push(...strategy.update(obj, old));
  return dedupeFieldErrors(errs);
}
export { validateEphemeralContainersUpdate } from './pod/ephemeral-update.js';
export { compilesCel } from './registry.js';
