// Downward API selectors (fieldRef / resourceFieldRef) in env vars and volumes.
import type { FieldError } from '../../types.js';
import { child, invalid, notSupported, required, type Path } from '../field.js';
import { obj, str, type JsonObject } from '../json.js';
import { isQualifiedName } from '../names.js';
import { quantityOf, quantityString } from '../quantity.js';

export const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const CONVERTIBLE = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);
const RESOURCE_FIELDS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const MEMORY_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitSubscript(p: string): { path: string; subscript?: string } {
  const m = /^(.*)\['(.*)'\]$/.exec(p);
  return m ? { path: m[1]!, subscript: m[2]! } : { path: p };
}

function convertError(apiVersion: string, fieldPath: string): string | undefined {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`;
  const { path } = splitSubscript(fieldPath);
  return CONVERTIBLE.has(path) ? undefined : `field label not supported: ${fieldPath}`;
}

/** validateObjectFieldSelector. */
export function validateObjectFieldSelector(fs: JsonObject, expressions: readonly string[], fld: Path): FieldError[] {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (!apiVersion) return [required(child(fld, 'apiVersion'))];
  if (!fieldPath) return [required(child(fld, 'fieldPath'))];
  const err = convertError(apiVersion, fieldPath);
  if (err) return [invalid(child(fld, 'fieldPath'), fieldPath, `error converting fieldPath: ${err}`)];
  const { path, subscript } = splitSubscript(fieldPath);
  if (subscript !== undefined) {
    if (path === 'metadata.annotations') return isQualifiedName(subscript.toLowerCase()).map((m) => invalid(fld, subscript.toLowerCase(), m));
    if (path === 'metadata.labels') return isQualifiedName(subscript).map((m) => invalid(fld, subscript, m));
    return [invalid(fld, path, 'does not support subscript')];
  }
  return expressions.includes(path) ? [] : [notSupported(child(fld, 'fieldPath'), path, [...expressions].sort())];
}

function divisorErrors(resource: string, divisor: unknown, fld: Path): FieldError[] {
  const q = quantityOf(divisor);
  if (!q || q.nano === 0n) return [];
  const d = quantityString(q);
  if ((resource === 'limits.cpu' || resource === 'requests.cpu') && d !== '1m' && d !== '1') {
    return [invalid(child(fld, 'divisor'), resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  }
  if ((resource === 'limits.memory' || resource === 'requests.memory') && !MEMORY_DIVISORS.has(d)) {
    return [invalid(child(fld, 'divisor'), resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource")];
  }
  return [];
}

/** validateContainerResourceFieldSelector (volume: containerName is required). */
export function validateResourceFieldSelector(fs: JsonObject, fld: Path, volume: boolean): FieldError[] {
  const resource = str(fs.resource);
  const errs: FieldError[] = [];
  if (volume && !str(fs.containerName)) errs.push(required(child(fld, 'containerName')));
  else if (!resource) errs.push(required(child(fld, 'resource')));
  else if (!RESOURCE_FIELDS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    errs.push(notSupported(child(fld, 'resource'), resource, RESOURCE_FIELDS));
  }
  return [...errs, ...divisorErrors(resource, obj(fs).divisor, fld)];
}
