// One request, start to end: authenticate, impersonate, authorize, then serve a non-resource
// path, a review, a subresource or a REST verb on a stored resource.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './server-context.js';
import { requestInfo } from './requestinfo.js';
import { recordWarnings, writeError } from './respond.js';
import { authenticate } from '../auth/authn.js';
import { attributesOf, checkAccess, impersonate } from './authorize.js';
import { serveNonResource } from './nonresource.js';
import { findResource } from '../resources/index.js';
import { serviceAccount } from '../resources/serviceaccount.js';
import { methodNotSupported, notFoundPath, unauthorized, badRequest } from '../errors.js';
import type { RequestContext } from '../registry/context.js';
import * as rest from './resource.js';
import { watch } from './watch.js';
import { serveSubresource } from './subresources.js';
import { serveReview } from './reviews.js';
import { upgradeListener, type UpgradeListener } from './upgrade.js';
import { serveAggregated } from '../aggregator/proxy.js';
import { checkWriteOptions, fieldTracker } from './field-manager.js';

function requestContext(user: RequestContext['user'], q: URLSearchParams): RequestContext {
  const dry = q.getAll('dryRun');
  if (dry.some((v) => v !== 'All')) throw badRequest(`Invalid dry run value: ${dry.find((v) => v !== 'All')}`);
  const fv = q.get('fieldValidation') ?? 'Warn';
  return { user, dryRun: dry.length > 0, fieldValidation: fv === 'Ignore' ? 'Ignore' : fv === 'Strict' ? 'Strict' : 'Warn', warnings: [] };
}

async function serve(s: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const q = url.searchParams;
  const authn = await authenticate(req, s.tokens, { serviceAccountUid: (ns, name) => saUid(s, ns, name) }, s.gen.now());
  if ('unauthorized' in authn) throw unauthorized();
  const user = impersonate(s, req, authn.user);
  const info = requestInfo(req.method ?? 'GET', url.pathname, q);
  checkAccess(s, attributesOf(user, info));
  if (await serveAggregated(s, req, res, info, q)) return;
  if (!info.isResourceRequest) {
    if (!serveNonResource(s, req, res, url.pathname)) throw notFoundPath();
    return;
  }
  const d = findResource(info.group, info.version, info.resource, s.crds?.descriptors());
  if (!d) throw notFoundPath();
  const c: rest.Call = { req, res, info, query: q, d, rc: requestContext(user, q), s };
  recordWarnings(res, c.rc.warnings);
  if (d.virtual) return serveReview(c);
  checkWriteOptions(c);
  c.rc.trackFields = fieldTracker(c);
  if (info.subresource) return serveSubresource(c);
  await dispatch(c);
}

async function dispatch(c: rest.Call): Promise<void> {
  const gr = { group: c.d.group, resource: c.d.plural };
  switch (c.info.verb) {
    case 'get': return rest.getOne(c);
    case 'list': return rest.list(c);
    case 'watch': return watch(c);
    case 'create':
      if (c.info.name) throw methodNotSupported(gr, 'create');
      return rest.create(c);
    case 'update': return rest.update(c);
    case 'patch': return rest.patch(c);
    case 'delete': return rest.remove(c);
    case 'deletecollection': return rest.removeCollection(c);
    default: throw methodNotSupported(gr, c.info.verb);
  }
}

async function saUid(s: ServerContext, ns: string, name: string): Promise<string | undefined> {
  return (await s.storage.tryGet(serviceAccount, ns, name))?.metadata.uid;
}

export function handler(s: ServerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(s, req, res).catch((err) => writeError(res, err));
  };
}

/** The same pipeline for upgrade requests (exec, attach): the server's 'upgrade' listener. */
export function upgradeHandler(s: ServerContext): UpgradeListener {
  return upgradeListener((req, res) => {
    serve(s, req, res).catch((err) => writeError(res, err));
  });
}
