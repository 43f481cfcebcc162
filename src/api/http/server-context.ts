// Everything a request handler can reach: the registry, storage, authentication and
// authorization, and the cluster's clock.
import type { Registry } from '../registry/rest.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { TokenIssuer } from '../auth/tokens.js';
import type { RbacCache } from '../auth/rbac-cache.js';
import type { Generators, RequestContext } from '../registry/context.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceDescriptor } from '../resources/types.js';
import type { RequestInfo } from './requestinfo.js';
import type { Aggregator } from '../aggregator/controller.js';
import type { CustomResources } from '../crd/controller.js';

export interface ServerContext {
  registry: Registry;
  storage: ObjectStorage;
  tokens: TokenIssuer;
  rbac: RbacCache;
  gen: Generators;
  /** host:port clients reach us at (APIVersions.serverAddressByClientCIDRs). */
  serverAddress: string;
  version: Record<string, string>;
  /** Bookmark interval for watches, ms. */
  bookmarkMs: number;
  /** Serves a kubelet-backed subresource (log, exec…) of a pod on node; an error if it cannot. */
  kubelet(node: string, call: Call): Promise<Error | undefined>;
  /** The control-plane components' health, for componentstatuses. */
  components(): Promise<ComponentHealth[]>;
  /** The aggregation layer: Service-backed APIServices (metrics.k8s.io) in discovery and routing. */
  aggregator?: Aggregator;
  /** The CRDs and the custom resources they serve. */
  crds?: CustomResources;
}

/** One API call as the handlers see it: the HTTP exchange, its request info, resource, caller and server. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  d: ResourceDescriptor;
  rc: RequestContext;
  s: ServerContext;
  /** A connect request's options once admitted (connect.ts): a mutating webhook may have changed them. */
  connect?: Record<string, unknown>;
}

/** One control-plane component's health, as componentstatuses reports it. */
export interface ComponentHealth {
  name: string;
  healthy: boolean;
  message: string;
  error: string;
}
