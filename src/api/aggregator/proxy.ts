// kube-aggregator's proxy handler: a request under /apis/<group>/<version> of a Service-backed
// APIService goes to its server while the APIService is available, and gets a plain-text 503
// `service unavailable` (http.Error) while it is not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../http/server-context.js';
import type { RequestInfo } from '../http/requestinfo.js';
import { writeText } from '../http/respond.js';

/** Serves the request if an aggregated group-version owns it; false otherwise. */
export async function serveAggregated(s: ServerContext, req: IncomingMessage, res: ServerResponse, info: RequestInfo, query: URLSearchParams): Promise<boolean> {
  if (info.apiPrefix !== 'apis' || !info.group || !info.version) return false;
  const reg = s.aggregator?.find(info.group, info.version);
  if (!reg) return false;
  if (!reg.available || !reg.extension) {
    writeText(res, 503, 'service unavailable\n');
    return true;
  }
  await reg.extension.serve({ req, res, info, query, storage: s.storage, now: s.gen.now(), server: reg.server });
  return true;
}
