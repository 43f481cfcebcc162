// REST paths as the apiserver serves them: /api/v1 for the core group, /apis/<group>/<version>
// for the rest, namespaced resources under namespaces/<ns>.
import type { ResourceRef } from './types.js';

export function resourcePath(ref: ResourceRef, namespace: string, name?: string, subresource?: string): string {
  let p = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  if (ref.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${ref.resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  if (subresource) p += `/${subresource}`;
  return p;
}

export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * What a resource path names, as the request builder held it: the group-qualified resource
 * (`deployments.apps`) and the object's name ('' for a list).
 */
export function resourceOfPath(path: string): { resource: string; name: string } {
  const segs = path.split('?')[0]!.split('/').filter((x) => x !== '');
  const core = segs[0] === 'api';
  const group = core ? '' : segs[0] === 'apis' ? segs[1] ?? '' : '';
  const after = core ? segs.slice(2) : segs[0] === 'apis' ? segs.slice(3) : [];
  const [resource = '', name = ''] = after[0] === 'namespaces' && after.length >= 3 ? after.slice(2) : after;
  return { resource: resource && group ? `${resource}.${group}` : resource, name };
}
