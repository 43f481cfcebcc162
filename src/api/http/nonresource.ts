// The paths that are not resources: health checks, /version, discovery, OpenAPI.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './server-context.js';
import { writeJson, writeText } from './respond.js';
import { AGGREGATED_TYPE, aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import { openapiV3Index, openapiV3Doc } from './openapi.js';
import { openapiV2Response } from '../schema/openapi-v2-response.js';
import { notFoundPath } from '../errors.js';
import { aggregatedGroup, withAggregatedDiscovery, withAggregatedGroups } from '../aggregator/discovery.js';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

function wantsAggregated(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').split(',')[0]!.includes('as=APIGroupDiscoveryList');
}

function aggregated(res: ServerResponse, body: unknown): void {
  const data = JSON.stringify(body) + '\n';
  res.writeHead(200, { 'Content-Type': AGGREGATED_TYPE, 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-cache, private' });
  res.end(data);
}

/** Serves path if it is a non-resource path; returns false otherwise. */
export function serveNonResource(s: ServerContext, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (HEALTH.has(path) || /^\/(healthz|livez|readyz)\/[a-z-]+$/.test(path)) {
    writeText(res, 200, 'ok');
    return true;
  }
  if (path === '/version') {
    writeJson(res, 200, s.version);
    return true;
  }
  if (path === '/api' || path === '/apis') {
    const regs = s.aggregator?.registrations() ?? [];
    const custom = s.crds?.descriptors() ?? [];
    if (wantsAggregated(req)) aggregated(res, path === '/api' ? aggregatedDiscovery(true) : withAggregatedDiscovery(aggregatedDiscovery(false, custom) as { items: unknown[] }, regs));
    else writeJson(res, 200, path === '/api' ? apiVersions(s.serverAddress) : withAggregatedGroups(apiGroupList(custom) as { groups: unknown[] }, regs));
    return true;
  }
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)(?:\/([^/]+))?)\/?$/.exec(path);
  if (m) {
    const custom = s.crds?.descriptors() ?? [];
    const body = m[1] ? apiResourceList('', m[1]) : m[3] ? apiResourceList(m[2]!, m[3], custom) : apiGroup(m[2]!, custom) ?? aggregatedGroup(m[2]!, s.aggregator?.registrations() ?? []);
    if (!body) writeJson(res, 404, notFoundPath().status);
    else writeJson(res, 200, body);
    return true;
  }
  if (path === '/openapi/v2') {
    const h = req.headers;
    const r = openapiV2Response({ method: req.method, accept: h.accept, acceptEncoding: h['accept-encoding'], ifNoneMatch: h['if-none-match'], ifModifiedSince: h['if-modified-since'] });
    res.writeHead(r.status, r.headers);
    res.end(r.body);
    return true;
  }
  if (path === '/openapi/v3') {
    writeJson(res, 200, openapiV3Index(s.crds?.descriptors()));
    return true;
  }
  const o = /^\/openapi\/v3\/(.+)$/.exec(path);
  if (o) {
    const doc = openapiV3Doc(o[1]!, s.crds?.descriptors());
    if (doc) writeJson(res, 200, doc);
    else writeJson(res, 404, notFoundPath().status);
    return true;
  }
  return false;
}
