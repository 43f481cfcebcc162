// Where the cluster's metrics-server scrapes: each node's running kubelet answers its resource
// metrics endpoint in-process; a node whose kubelet is stopped does not answer (its node and pods
// drop out of the metrics, as a failed scrape leaves them).
import type { MetricsBackend } from '../../api/metrics/types.js';
import type { RunningKubelet } from '../../kubelet/kubelet.js';

export function kubeletMetrics(nodes: string[], kubelet: (node: string) => RunningKubelet | undefined): MetricsBackend {
  return {
    scrape: (at) => nodes.flatMap((n) => {
      const batch = kubelet(n)?.resourceMetrics?.(at);
      return batch ? [batch] : [];
    }),
  };
}
