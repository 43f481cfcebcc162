// The create-only review resources: access reviews (`kubectl auth can-i`), rules reviews
// (`--list`), self subject review (`kubectl auth whoami`) and token reviews.
import type { Call } from './server-context.js';
import type { UserInfo } from '../types.js';
import { writeJson } from './respond.js';
import { serveComponentStatus } from './componentstatus.js';
import { parseBody, readBody } from './body.js';
import { authorize } from '../rbac/authorize.js';
import { rulesFor } from '../rbac/rules-review.js';
import { badRequest, methodNotSupported } from '../errors.js';

interface ResourceAttributes { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string }
interface NonResourceAttributes { path?: string; verb?: string }
interface ReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: NonResourceAttributes;
  user?: string;
  groups?: string[];
  uid?: string;
  namespace?: string;
  token?: string;
}

function decide(c: Call, user: UserInfo, spec: ReviewSpec): { allowed: boolean; reason?: string } {
  const r = spec.resourceAttributes;
  const n = spec.nonResourceAttributes;
  const d = authorize({
    user,
    verb: r?.verb ?? n?.verb ?? '',
    namespace: r?.namespace ?? '',
    apiGroup: r?.group ?? '',
    resource: r?.resource ?? '',
    subresource: r?.subresource ?? '',
    name: r?.name ?? '',
    resourceRequest: !!r,
    path: n?.path ?? '',
  }, c.s.rbac);
  return d.allowed ? { allowed: true, ...(d.reason ? { reason: d.reason } : {}) } : { allowed: false, ...(d.reason ? { reason: d.reason } : {}) };
}

export async function serveReview(c: Call): Promise<void> {
  if (c.d.plural === 'componentstatuses') return serveComponentStatus(c);
  if (c.info.verb !== 'create') throw methodNotSupported({ group: c.d.group, resource: c.d.plural }, c.info.verb);
  const body = (parseBody(await readBody(c.req), c.req.headers['content-type'], { apiVersion: `${c.d.group}/${c.d.version}`, kind: c.d.kind }) ?? {}) as { metadata?: unknown; spec?: ReviewSpec };
  const spec = body.spec ?? {};
  const head = { kind: c.d.kind, apiVersion: `${c.d.group}/${c.d.version}`, metadata: { creationTimestamp: null } };
  const me = c.rc.user;
  let status: unknown;
  switch (c.d.plural) {
    case 'selfsubjectaccessreviews': status = decide(c, me, spec); break;
    case 'subjectaccessreviews':
    case 'localsubjectaccessreviews':
      status = decide(c, { name: spec.user ?? '', groups: spec.groups ?? [] }, c.d.plural === 'localsubjectaccessreviews' ? { ...spec, resourceAttributes: { ...spec.resourceAttributes, namespace: c.info.namespace } } : spec);
      break;
    case 'selfsubjectrulesreviews':
      if (!spec.namespace) throw badRequest('no namespace on request');
      status = rulesFor(me, spec.namespace, c.s.rbac);
      break;
    case 'selfsubjectreviews': status = { userInfo: { username: me.name, ...(me.uid ? { uid: me.uid } : {}), groups: me.groups, ...(me.extra ? { extra: me.extra } : {}) } }; break;
    case 'tokenreviews': status = await tokenReview(c, spec.token ?? ''); break;
    default: throw methodNotSupported({ group: c.d.group, resource: c.d.plural }, 'create');
  }
  writeJson(c.res, 201, { ...head, spec, status });
}

async function tokenReview(c: Call, token: string): Promise<unknown> {
  const v = await c.s.tokens.verify(token, c.s.gen.now());
  if (!v) return { user: {}, error: '[invalid bearer token, service account token has been invalidated]' };
  const ns = v.namespace;
  return {
    authenticated: true,
    user: {
      username: `system:serviceaccount:${ns}:${v.name}`, uid: v.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
      ...(v.jti ? { extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${v.jti}`] } } : {}),
    },
    audiences: ['https://kubernetes.default.svc.cluster.local'],
  };
}
