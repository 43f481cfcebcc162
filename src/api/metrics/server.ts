// metrics-server as an aggregated API server: the group-version its image serves, and where its
// scrapes come from (the daemon's kubelets, in-process).
import type { ExtensionServer } from '../aggregator/types.js';
import { GROUP, METRICS_RESOURCES, VERSION, serveMetrics } from './handler.js';
import type { MetricsBackend } from './types.js';

/** The image (repository path) whose pods serve metrics.k8s.io. */
export const METRICS_SERVER_IMAGE = 'metrics-server/metrics-server';

export function metricsServer(backend: MetricsBackend | undefined): ExtensionServer {
  return { group: GROUP, version: VERSION, image: METRICS_SERVER_IMAGE, resources: METRICS_RESOURCES, serve: (p) => serveMetrics(p, backend) };
}
