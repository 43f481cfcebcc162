// Runs one cluster inside this process: its etcd (from the etcd static pod manifest, so edits to
// the manifest — a restored data dir — take effect on the next start), the apiserver over the
// same store, and the bootstrap objects on first start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterPaths } from './paths.js';
import { nodePaths } from './paths.js';
import type { ClusterConfig } from './layout.js';
import { etcdArgsFromManifest } from './bootstrap/etcd-manifest.js';
import { parseFlags } from '../etcd/flags.js';
import { buildConfig } from '../etcd/config.js';
import { createLogger } from '../etcd/log.js';
import { serve } from '../etcd/serve.js';
import { startApiserver } from '../api/apiserver.js';
import { seedCluster } from './seed.js';
import { StaticPodSupervisor } from './control-plane/supervisor.js';
import { controllerManagerSpec, schedulerSpec } from './control-plane/components.js';
import { controlPlaneHost } from './control-plane/static-pod-host.js';
import { ComponentOutputs } from './control-plane/output.js';
import { apiserverBanner } from './control-plane/banners.js';
import { startNodes, type RunningNodes } from './nodes.js';
import { kubeletHandlers } from './kubelet-server.js';
import { defaultComponents } from '../api/http/componentstatus.js';
import { kubeletMetrics } from './bootstrap/addon-metrics-source.js';

export interface RunningCluster {
  apiserverUrl: string;
  stop(): Promise<void>;
}

export interface RunOptions {
  /** One line of the daemon's log (klog-formatted by the caller's logger). */
  log: (line: string) => void;
  clock?: () => number;
}

function etcdConfigFor(nodeRoot: string) {
  const parsed = parseFlags(etcdArgsFromManifest(nodeRoot), {});
  if (parsed.kind !== 'run') {
    const why = 'message' in parsed ? parsed.message : parsed.kind;
    throw new Error(`etcd manifest ${join(nodeRoot, 'etc/kubernetes/manifests/etcd.yaml')}: ${why}`);
  }
  return buildConfig(parsed.values);
}

export async function runCluster(paths: ClusterPaths, config: ClusterConfig, opts: RunOptions): Promise<RunningCluster> {
  const cp = config.nodes.find((n) => n.role === 'control-plane');
  if (!cp) throw new Error(`cluster "${config.name}" has no control-plane node`);
  const np = nodePaths(paths, cp.name);
  const now = opts.clock ?? Date.now;
  const outputs = new ComponentOutputs();
  const etcdLog = (line: string) => {
    const text = line.replace(/\n$/, '');
    opts.log(text);
    outputs.write('etcd', { at: now(), stream: 'stderr', text });
  };
  const etcd = await serve(etcdConfigFor(np.root), createLogger(etcdLog), opts.clock ? { clock: opts.clock } : {});
  const env = { now, log: opts.log, host: cp.name, version: config.kubernetesVersion };
  const supervisor = new StaticPodSupervisor(np.root, [controllerManagerSpec(env), schedulerSpec(env)], opts.log, now, outputs);
  const etcdHealth = defaultComponents().filter((c) => c.name.startsWith('etcd'));
  // The kubelets start after the apiserver; until then (and while one is stopped) its port is dead.
  let nodes: RunningNodes | undefined;
  try {
    const api = await startApiserver({
      store: etcd.store,
      port: config.apiserverPort,
      caFile: join(np.pki, 'ca.crt'),
      certFile: join(np.pki, 'apiserver.crt'),
      keyFile: join(np.pki, 'apiserver.key'),
      saKeyFile: join(np.pki, 'sa.key'),
      saPubFile: join(np.pki, 'sa.pub'),
      serviceSubnet: config.serviceSubnet,
      ...(opts.clock ? { gen: { now: opts.clock } } : {}),
      components: async () => [...supervisor.health(), ...etcdHealth],
      kubelet: kubeletHandlers((node) => nodes?.kubelet(node)),
      metrics: kubeletMetrics(config.nodes.map((n) => n.name), (node) => nodes?.kubelet(node)),
    });
    await seedCluster(api.registry, config, readFileSync(join(np.pki, 'ca.crt'), 'utf8'), opts.log);
    opts.log(`apiserver serving on https://127.0.0.1:${api.port}`);
    outputs.write('kube-apiserver', ...apiserverBanner(now(), config.kubernetesVersion, cp.internalIP, api.port));
    const started = await startNodes(paths, config, { now, log: opts.log, controlPlane: controlPlaneHost(supervisor, now()) });
    nodes = started;
    supervisor.start();
    return {
      apiserverUrl: `https://127.0.0.1:${api.port}`,
      async stop() {
        await supervisor.stop();
        await started.stop();
        await api.close();
        await etcd.stop();
      },
    };
  } catch (err) {
    await etcd.stop();
    throw err;
  }
}
