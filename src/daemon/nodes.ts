// One kubelet per node of the layout, each with its own identity (the node's kubelet.conf). A
// kubelet runs unless its node has the file run/kubedojo/kubelet.stopped (what `systemctl stop
// kubelet` on the node will write): the daemon checks every second, so a stopped kubelet stops
// heartbeating and its node goes NotReady after the controller-manager's grace period.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterPaths } from './paths.js';
import { nodePaths } from './paths.js';
import type { ClusterConfig, NodeSpec } from './layout.js';
import { RestClient } from '../client/rest.js';
import { restConfigFromKubeconfig } from '../client/rest-config.js';
import { kubeadmPreload, startKubelet, type RunningKubelet } from '../kubelet/kubelet.js';
import type { StaticPodHost } from '../kubelet/static-pods/types.js';
import { PodFabric } from '../kubelet/network/fabric.js';
import { startNetworkAgent } from './network-agent.js';

/** Relative to a node's root: present while the node's kubelet is stopped. */
export const KUBELET_STOPPED = 'run/kubedojo/kubelet.stopped';

export interface RunningNodes {
  running(node: string): boolean;
  /** The node's kubelet while it runs (what answers on its port). */
  kubelet(node: string): RunningKubelet | undefined;
  stop(): Promise<void>;
}

interface Slot {
  spec: NodeSpec;
  root: string;
  client: RestClient;
  kubelet?: RunningKubelet;
  busy: Promise<void>;
}

export interface NodesEnv {
  now: () => number;
  log: (m: string) => void;
  /** What the control-plane node's kubelet asks about the components the daemon runs. */
  controlPlane?: StaticPodHost;
}

export async function startNodes(paths: ClusterPaths, config: ClusterConfig, env: NodesEnv): Promise<RunningNodes> {
  const slots: Slot[] = [];
  const fabric = new PodFabric();
  let base: Awaited<ReturnType<typeof restConfigFromKubeconfig>> | undefined;
  for (const n of config.nodes) {
    const np = nodePaths(paths, n.name);
    const rc = await restConfigFromKubeconfig(np.kubeletConf);
    base ??= rc;
    const client = new RestClient({ ...rc, userAgent: `kubelet/${config.kubernetesVersion} (linux/amd64) kubernetes` });
    slots.push({ spec: n, root: np.root, client, busy: Promise.resolve() });
  }
  const agent = base ? await startNetworkAgent(paths, base, config.kubernetesVersion, env.now, env.log) : undefined;
  const sync = (s: Slot) => {
    s.busy = s.busy.then(async () => {
      const wanted = !existsSync(join(s.root, KUBELET_STOPPED));
      if (wanted && !s.kubelet) {
        const preloadImages = kubeadmPreload(s.spec.role, config.kubernetesVersion);
        const host = s.spec.role === 'control-plane' ? env.controlPlane : undefined;
        s.kubelet = startKubelet({ node: s.spec.name, client: s.client, now: env.now, log: env.log, root: s.root, preloadImages, fabric, ...(host ? { staticPods: host } : {}), ...(agent ? { networkView: agent.view } : {}) });
      } else if (!wanted && s.kubelet) {
        env.log(`kubelet ${s.spec.name}: stopped`);
        const k = s.kubelet;
        s.kubelet = undefined;
        await k.stop();
      }
    });
  };
  slots.forEach(sync);
  const timer = setInterval(() => slots.forEach(sync), 1000);
  timer.unref();
  return {
    running: (node) => !!slots.find((s) => s.spec.name === node)?.kubelet,
    kubelet: (node) => slots.find((s) => s.spec.name === node)?.kubelet,
    async stop() {
      clearInterval(timer);
      await Promise.all(slots.map(async (s) => {
        await s.busy;
        await s.kubelet?.stop();
        s.client.close();
      }));
      agent?.close();
    },
  };
}
