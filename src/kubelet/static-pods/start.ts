// Wires a kubelet's static pods: the staticPodPath of <root>/var/lib/kubelet/config.yaml, and
// for each static pod either the host's component (when the host runs one of that name) or a
// pod worker on the node's simulated runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Client } from '../../client/types.js';
import type { Timers } from '../../controllers/framework/queue.js';
import type { MemoryRuntime } from '../cri/memory-runtime.js';
import type { PodManager } from '../pod-manager.js';
import type { ImageStore } from '../runtime/image-store.js';
import { ComponentPod } from './component-pod.js';
import { StaticPods, type StartRunner } from './static-pods.js';
import type { StaticPodHost } from './types.js';

export const KUBELET_CONFIG = 'var/lib/kubelet/config.yaml';

/** The staticPodPath of the node's kubelet config (a path inside the node), if any. */
export function staticPodPath(root: string): string | undefined {
  try {
    const cfg = parse(readFileSync(join(root, KUBELET_CONFIG), 'utf8')) as { staticPodPath?: unknown } | null;
    return typeof cfg?.staticPodPath === 'string' && cfg.staticPodPath !== '' ? cfg.staticPodPath : undefined;
  } catch {
    return undefined;
  }
}

export interface StaticPodsEnv {
  client: Client;
  node: string;
  root: string;
  now: () => number;
  timers: Timers;
  log: (msg: string) => void;
  pods: PodManager;
  store: ImageStore;
  runtime?: MemoryRuntime;
  host?: StaticPodHost;
}

function runnerFor(env: StaticPodsEnv): StartRunner {
  return (sp, report) => {
    if (env.host?.status(sp.name)) {
      const { host, pods, now, timers, store, runtime, log } = env;
      const podLogs = join(env.root, 'var/log/pods');
      const cp = new ComponentPod(sp, { host, hostIP: pods.hostIP, now, timers, store, report, log, podLogs, ...(runtime ? { runtime } : {}) });
      const hide = pods.addHosted(() => cp.view());
      return { stop: () => { hide(); cp.stop(); } };
    }
    return env.pods.runStatic(sp.pod, { report });
  };
}

/** Starts following the node's static pods; undefined when its kubelet config names no staticPodPath. */
export function startStaticPods(env: StaticPodsEnv): StaticPods | undefined {
  const nodeDir = staticPodPath(env.root);
  if (!nodeDir) return undefined;
  const sp = new StaticPods({ client: env.client, node: env.node, dir: join(env.root, nodeDir), nodeDir, now: env.now, timers: env.timers, log: env.log, start: runnerFor(env) });
  sp.start();
  return sp;
}
