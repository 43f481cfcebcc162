// Turns a request path and method into upstream's RequestInfo (the attributes authorization and
// routing use): /api/v1/namespaces/ns/pods/name/log → get pods/log "name" in ns.

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix: 'api' | 'apis' | '';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function methodVerb(method: string): string {
  return ({ POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as Record<string, string>)[method] ?? '';
}

export function requestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = { isResourceRequest: false, path, verb: method.toLowerCase(), apiPrefix: '', group: '', version: '', namespace: '', resource: '', subresource: '', name: '' };
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (segs[0] !== 'api' && segs[0] !== 'apis') return info;
  info.apiPrefix = segs[0];
  let parts = segs.slice(1);
  if (info.apiPrefix === 'apis') {
    if (parts.length < 2) return info;
    info.group = parts[0]!;
    parts = parts.slice(1);
  } else if (parts.length < 1) return info;
  info.version = parts[0]!;
  parts = parts.slice(1);
  if (!parts.length) return info;
  info.isResourceRequest = true;
  info.verb = methodVerb(method);
  if (parts[0] === 'watch') {
    info.verb = 'watch';
    parts = parts.slice(1);
  }
  if (parts[0] === 'namespaces' && parts.length > 1) {
    info.namespace = parts[1]!;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
  }
  info.resource = parts[0] ?? '';
  info.name = parts[1] ?? '';
  info.subresource = parts[2] ?? '';
  if (parts.length < 2 && info.verb === 'get') info.verb = 'list';
  if (parts.length < 2 && info.verb === 'delete') info.verb = 'deletecollection';
  if ((info.verb === 'list' || info.verb === 'get') && /^(1|true)$/.test(query.get('watch') ?? '')) info.verb = 'watch';
  return info;
}
