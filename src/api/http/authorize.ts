// Authorization of one request (RBAC + system:masters) and impersonation, with upstream's
// Forbidden wording.
import type { IncomingMessage } from 'node:http';
import type { UserInfo } from '../types.js';
import type { RequestInfo } from './requestinfo.js';
import type { ServerContext } from './server-context.js';
import { authorize } from '../rbac/authorize.js';
import type { AuthorizerAttributes } from '../rbac/types.js';
import { forbidden } from '../errors.js';

export function attributesOf(user: UserInfo, info: RequestInfo): AuthorizerAttributes {
  return {
    user,
    verb: info.verb,
    namespace: info.namespace,
    apiGroup: info.group,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
    resourceRequest: info.isResourceRequest,
    path: info.path,
  };
}

export function forbiddenMessage(a: AuthorizerAttributes): string {
  if (!a.resourceRequest) return `User "${a.user.name}" cannot ${a.verb} path "${a.path}"`;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${a.user.name}" cannot ${a.verb} resource "${res}" in API group "${a.apiGroup}" ${where}`;
}

export function checkAccess(s: ServerContext, a: AuthorizerAttributes): void {
  const d = authorize(a, s.rbac);
  if (d.allowed) return;
  const msg = forbiddenMessage(a) + (d.reason ? `: ${d.reason}` : '');
  const gr = a.resourceRequest ? { group: a.apiGroup, resource: a.resource } : { group: '', resource: '' };
  throw forbidden(gr, a.name, msg);
}

const header = (req: IncomingMessage, name: string): string[] => {
  const v = req.headers[name.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : v.split(',').map((x) => x.trim());
};

/** Applies Impersonate-* headers after checking the `impersonate` verb for each. */
export function impersonate(s: ServerContext, req: IncomingMessage, user: UserInfo): UserInfo {
  const as = req.headers['impersonate-user'];
  const groups = header(req, 'Impersonate-Group');
  if (as === undefined && !groups.length) return user;
  const name = Array.isArray(as) ? as[0]! : (as ?? '');
  const check = (resource: string, objName: string, namespace = '') =>
    checkAccess(s, { user, verb: 'impersonate', namespace, apiGroup: '', resource, subresource: '', name: objName, resourceRequest: true, path: req.url ?? '/' });
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(name);
  if (sa) check('serviceaccounts', sa[2]!, sa[1]!);
  else check('users', name);
  for (const g of groups) check('groups', g);
  const implied = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : [];
  const all = [...groups, ...implied.filter((g) => !groups.includes(g))];
  if (name !== 'system:anonymous' && !all.includes('system:authenticated')) all.push('system:authenticated');
  return { name, groups: all };
}
