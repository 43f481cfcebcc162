// cli-runtime's EnhanceListError: a list the server refuses as BadRequest or NotFound names what
// was listed and with which selectors (the resource builder's selector visitor, describe, drain).
import { ApiError } from './types.js';

export interface ListSelectors {
  labelSelector?: string;
  fieldSelector?: string;
}

/** schema.GroupVersionResource.String(): `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
export function gvrString(r: { group: string; version: string; resource: string }): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`;
}

export function enhanceListError<E>(err: E, subject: string, q: ListSelectors): E | ApiError {
  if (!(err instanceof ApiError) || (err.status.reason !== 'BadRequest' && err.status.reason !== 'NotFound')) return err;
  const msg = err.status.message ?? '';
  const ls = q.labelSelector ?? '';
  const fs = q.fieldSelector ?? '';
  const message = ls === '' && fs === ''
    ? `Unable to list ${JSON.stringify(subject)}: ${msg}`
    : `Unable to find ${JSON.stringify(subject)} that match label selector ${JSON.stringify(ls)}, field selector ${JSON.stringify(fs)}: ${msg}`;
  return new ApiError({ ...err.status, message });
}
