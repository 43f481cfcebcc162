// The resource metrics pipeline's shapes: what a kubelet's resource metrics endpoint reports
// (metrics-server's MetricsPoint: start time, sample time, cumulative CPU, working set) and the
// metrics.k8s.io/v1beta1 objects metrics-server serves from two scrapes.

/** One sample of a node or a container. Times in ms since the epoch. */
export interface MetricsPoint {
  /** When the node booted or the container started (cumulative CPU was 0 then). */
  startTime: number;
  timestamp: number;
  /** CPU used since startTime, in nanoseconds of one core. */
  cumulativeCpu: bigint;
  /** Working set, bytes. */
  memory: bigint;
}

export interface PodPoints {
  namespace: string;
  name: string;
  /** By container name. */
  containers: Map<string, MetricsPoint>;
}

/** One node's resource metrics at a time: the node itself and its pods' running containers. */
export interface NodeBatch {
  node: string;
  point: MetricsPoint;
  pods: PodPoints[];
}

/**
 * Where metrics-server's scrapes come from. scrape(at) is what every reachable kubelet answers for
 * time `at` (nodes whose kubelet is down are missing); it is synchronous so that two scrapes of
 * one request see the same containers.
 */
export interface MetricsBackend {
  scrape(at: number): NodeBatch[];
}

export interface ResourceUsage {
  cpu: string;
  memory: string;
}

export interface NodeMetrics {
  kind: 'NodeMetrics';
  apiVersion: 'metrics.k8s.io/v1beta1';
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: ResourceUsage;
}

export interface PodMetrics {
  kind: 'PodMetrics';
  apiVersion: 'metrics.k8s.io/v1beta1';
  metadata: { name: string; namespace: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: { name: string; usage: ResourceUsage }[];
}
