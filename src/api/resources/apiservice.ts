// APIService (apiregistration.k8s.io/v1): apiservices, the aggregation layer's registrations. One
// that names a Service (metrics-server's v1beta1.metrics.k8s.io) puts its group-version in the
// server's discovery and routes its requests there while the Service has endpoints
// (api/aggregator). Strategy as kube-aggregator's: status is the controller's (reset on create,
// kept on update), spec.service.port defaults to 443.
import type { KObject } from '../types.js';
import { resource, statusSub } from './types.js';

function defaultPort(obj: KObject): void {
  const svc = (obj.spec as { service?: { port?: number } } | undefined)?.service;
  if (svc && svc.port === undefined) svc.port = 443;
}

export const apiService = resource({
  group: 'apiregistration.k8s.io',
  version: 'v1',
  kind: 'APIService',
  plural: 'apiservices',
  namespaced: false,
  categories: ['api-extensions'],
  // kube-aggregator's store keeps its group in the key: /registry/apiregistration.k8s.io/apiservices/<name>.
  storagePrefix: 'apiregistration.k8s.io/apiservices',
  subresources: statusSub('APIService'),
  statusSubresource: true,
  prepareForCreate(obj) {
    defaultPort(obj);
    obj.status = {};
  },
  prepareForUpdate(obj) {
    defaultPort(obj);
  },
});
