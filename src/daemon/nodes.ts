// One kubelet per node of the layout, each with its own identity (the node's kubelet.conf).
import type { ClusterPaths } from './paths.js';
import { nodePaths } from './paths.js';
import type { ClusterConfig } from './layout.js';
import { RestClient } from '../client/rest.js';
import { restConfigFromKubeconfig } from '../client/rest-config.js';
import { kubeadmPreload, startKubelet, type RunningKubelet } from '../kubelet/kubelet.js';

export interface RunningNodes {
  kubelets: RunningKubelet[];
  stop(): Promise<void>;
}

export async function startNodes(paths: ClusterPaths, config: ClusterConfig, env: { now: () => number; log: (m: string) => void }): Promise<RunningNodes> {
  const clients: RestClient[] = [];
  const kubelets: RunningKubelet[] = [];
  for (const n of config.nodes) {
    const rc = await restConfigFromKubeconfig(nodePaths(paths, n.name).kubeletConf);
    const client = new RestClient({ ...rc, userAgent: `kubelet/${config.kubernetesVersion} (linux/amd64) kubernetes` });
    clients.push(client);
    const preloadImages = kubeadmPreload(n.role, config.kubernetesVersion);
    kubelets.push(startKubelet({ node: n.name, client, now: env.now, log: env.log, root: nodePaths(paths, n.name).root, preloadImages }));
  }
  return {
    kubelets,
    async stop() {
      await Promise.all(kubelets.map((k) => k.stop()));
      for (const c of clients) c.close();
    },
  };
}
