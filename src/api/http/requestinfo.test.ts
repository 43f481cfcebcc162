import { describe, expect, it } from 'vitest';
import { requestInfo } from './requestinfo.js';

const info = (method: string, url: string) => {
  const u = new URL(url, 'https://x');
  const r = requestInfo(method, u.pathname, u.searchParams);
  return [r.isResourceRequest, r.verb, r.group, r.version, r.namespace, r.resource, r.name, r.subresource].join('|');
};

describe('requestInfo', () => {
  it.each([
    ['GET', '/api/v1/namespaces/default/pods', 'true|list||v1|default|pods||'],
    ['GET', '/api/v1/namespaces/default/pods/web', 'true|get||v1|default|pods|web|'],
    ['GET', '/api/v1/namespaces/default/pods/web/log', 'true|get||v1|default|pods|web|log'],
    ['GET', '/api/v1/pods?watch=true', 'true|watch||v1||pods||'],
    ['GET', '/api/v1/watch/namespaces/default/pods', 'true|watch||v1|default|pods||'],
    ['DELETE', '/apis/apps/v1/namespaces/ns/deployments', 'true|deletecollection|apps|v1|ns|deployments||'],
    ['PATCH', '/apis/apps/v1/namespaces/ns/deployments/web/scale', 'true|patch|apps|v1|ns|deployments|web|scale'],
    ['GET', '/api/v1/namespaces/kube-system', 'true|get||v1|kube-system|namespaces|kube-system|'],
    ['PUT', '/api/v1/namespaces/demo/finalize', 'true|update||v1|demo|namespaces|demo|finalize'],
    ['GET', '/api/v1/nodes/node01', 'true|get||v1||nodes|node01|'],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', 'true|create|authorization.k8s.io|v1||selfsubjectaccessreviews||'],
    ['GET', '/apis/apps/v1', 'false|get|apps|v1||||'],
    ['GET', '/healthz', 'false|get||||||'],
  ])('%s %s', (method, url, want) => {
    expect(info(method, url)).toBe(want);
  });
});
