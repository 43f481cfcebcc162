// What the aggregation layer knows of each Service-backed APIService, and the extension API
// servers the cluster can run behind one (the group-versions their images serve).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo } from '../http/requestinfo.js';
import type { ServiceRef } from './status.js';
import type { ObjectStorage } from '../storage/storage.js';

/** A resource as the extension server's discovery lists it. */
export interface ExtensionResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
}

/** A request the aggregator routes to an extension server. */
export interface ProxiedRequest {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  storage: ObjectStorage;
  /** The server's clock (ms). */
  now: number;
  /** The pod serving it (the first ready endpoint's), for the server's own state. */
  server: { namespace: string; name: string } | undefined;
}

/** An aggregated API server an image provides (metrics-server: metrics.k8s.io/v1beta1). */
export interface ExtensionServer {
  group: string;
  version: string;
  /** The repository path that names the server's image (`metrics-server/metrics-server`). */
  image: string;
  resources: ExtensionResource[];
  /** Serves a request under /apis/<group>/<version> (discovery included). */
  serve(p: ProxiedRequest): Promise<void>;
}

export interface Registration {
  name: string;
  group: string;
  version: string;
  service: ServiceRef;
  groupPriorityMinimum: number;
  versionPriority: number;
  /** The Available condition is True. */
  available: boolean;
  /** Discovery was fetched at least once (its resources stay listed, Stale, while unavailable). */
  discovered: boolean;
  /** The pod behind the first ready endpoint, when it is one. */
  server: { namespace: string; name: string } | undefined;
  extension: ExtensionServer | undefined;
}
