// The pod network between the nodes of one daemon: every kubelet adds the containers it runs, so
// a connection reaching a pod IP finds the process listening on the port, on whichever node.
import type { ContainerRecord } from '../container-record.js';
import type { CatalogImage } from '../runtime/catalog.js';
import type { NetPod } from './types.js';

/** What one node's kubelet answers about the containers it runs. */
export interface NodePods {
  container(namespace: string, name: string, container: string): ContainerRecord | undefined;
}

/** A process listening on a pod's port. */
export interface Listener {
  image: CatalogImage;
  /** Writes to the container's stdout (an access log line). */
  stdout(text: string): void;
}

export class PodFabric {
  private readonly nodes = new Map<string, () => NodePods | undefined>();

  /** The node's kubelet joins the network; the returned function leaves it. */
  addNode(node: string, pods: () => NodePods | undefined): () => void {
    this.nodes.set(node, pods);
    return () => {
      if (this.nodes.get(node) === pods) this.nodes.delete(node);
    };
  }

  /** The running container of the pod that listens on port, if any. */
  listener(pod: NetPod, port: number): Listener | undefined {
    const host = this.nodes.get(pod.spec?.nodeName ?? '')?.();
    if (!host) return undefined;
    for (const c of pod.spec?.containers ?? []) {
      const r = host.container(pod.metadata.namespace ?? '', pod.metadata.name ?? '', c.name);
      if (!r?.running || !r.process || !r.launch || !r.process.ports.includes(port)) continue;
      const log = r.log;
      return { image: r.launch.image, stdout: (t) => log?.write('stdout', t) };
    }
    return undefined;
  }
}
