// One node's kubelet inside the daemon: Lease renewals and node status (so the node lifecycle
// controller sees a healthy node, and a stopped kubelet makes its node go NotReady after the
// grace period), and the pods bound to the node, run on a simulated container runtime.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Client } from '../client/types.js';
import type { Timers } from '../controllers/framework/queue.js';
import { KubeletRecorder } from './events.js';
import { Heartbeat, RENEW_INTERVAL_MS } from './heartbeat.js';
import { ensureCSINode } from './csinode.js';
import { nodeImages } from './node-images.js';
import { PodManager } from './pod-manager.js';
import { defaultCatalog, type ImageCatalog } from './runtime/catalog.js';
import { ImageStore } from './runtime/image-store.js';
import { containerLogs, type KubeletHttpError, type LogRequest, type LogSink } from './logs/handler.js';
import type { StreamBackend } from '../api/http/remotecommand.js';
import { openAttach, openExec } from './exec/open.js';
import { startNodeRuntime, type NodeRuntime } from './cri/node-runtime.js';
import { startStaticPods } from './static-pods/start.js';
import type { StaticPods } from './static-pods/static-pods.js';
import type { StaticPodHost } from './static-pods/types.js';
import type { PodFabric } from './network/fabric.js';
import { startNodeNetwork } from './network/node-network.js';
import { openPortForward } from './portforward/open.js';
import type { PortForwardBackend } from '../api/http/portforward-streams.js';
import type { SnapshotSource } from './network/view.js';
import { nodeResourceMetrics } from './usage/resource-metrics.js';
import type { NodeBatch } from '../api/metrics/types.js';

export interface KubeletOptions {
  node: string;
  client: Client;
  now: () => number;
  log: (msg: string) => void;
  /** The node's root folder (var/log/pods, var/lib/containerd); without it logs stay in memory. */
  root?: string;
  /** Timers on the same clock as now (the daemon's real timers by default). */
  timers?: Timers;
  /** Images the node has before any pull (kubeadm pre-pulls the pause and control-plane images). */
  preloadImages?: string[];
  catalog?: ImageCatalog;
  /** Run the pods bound to the node (default true). */
  runPods?: boolean;
  /** The components the host runs itself, whose static pods show the host's run state. */
  staticPods?: StaticPodHost;
  /** The pod network the daemon's nodes share (one of its own when absent). */
  fabric?: PodFabric;
  /** What the network's agents read of the cluster (read with the kubelet's identity when absent). */
  networkView?: SnapshotSource;
}

export interface RunningKubelet {
  node: string;
  /** The kubelet server's containerLogs endpoint. */
  containerLogs(req: LogRequest, sink: LogSink): Promise<KubeletHttpError | undefined>;
  /** The kubelet server's exec and attach endpoints. */
  exec?: StreamBackend;
  attach?: StreamBackend;
  /** The kubelet server's portForward endpoint. */
  portForward?: PortForwardBackend;
  /** The node's container runtime (what crictl reads through <root>/run/containerd/containerd.sock). */
  runtime?: NodeRuntime['runtime'];
  /** The resource metrics endpoint (/metrics/resource): the node's and its containers' usage at a time. */
  resourceMetrics?(at: number): NodeBatch;
  stop(): Promise<void>;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => { const t = setTimeout(fn, ms); t.unref?.(); return t; },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export const DEFAULT_PRELOAD = ['registry.k8s.io/pause:3.10'];

/** The images a kubeadm node has before its first pod: the control-plane node pulled them for init. */
export function kubeadmPreload(role: 'control-plane' | 'worker', version: string): string[] {
  const cp = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `registry.k8s.io/${c}:${version}`);
  const all = [...DEFAULT_PRELOAD, `registry.k8s.io/kube-proxy:${version}`];
  return role === 'control-plane' ? [...all, ...cp, 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/coredns/coredns:v1.11.3'] : all;
}

export function startKubelet(o: KubeletOptions): RunningKubelet {
  let store: ImageStore | undefined;
  const hb = new Heartbeat(o.client, o.node, o.now, () => nodeImages(store?.list() ?? []));
  const bootTime = o.now();
  let stopped = false;
  let csiNodeReady = false;
  let current: Promise<void> = Promise.resolve();
  const beat = async () => {
    try {
      await hb.renewLease();
      await hb.reportStatus();
      if (!csiNodeReady) {
        await ensureCSINode(o.client, o.node);
        csiNodeReady = true;
      }
    } catch (err) {
      o.log(`kubelet ${o.node}: heartbeat failed: ${(err as Error).message}`);
    }
  };
  current = beat();
  const timer = setInterval(() => {
    if (!stopped) current = current.then(beat);
  }, RENEW_INTERVAL_MS);
  timer.unref();
  let pods: PodManager | undefined;
  let statics: StaticPods | undefined;
  store = imageStore(o);
  const node = startNodeRuntime({ now: o.now, log: o.log, store, timers: o.timers ?? realTimers, running: (id) => pods?.runningById(id), streaming: { pods: () => pods, network: () => net.network, fabric: () => net.fabric }, ...(o.root ? { root: o.root } : {}) });
  if (o.runPods !== false) {
    void startPods(o, node, () => stopped).then((m) => {
      if (stopped) m?.stop();
      else if (m) {
        pods = m;
        statics = o.root ? startStaticPods({ client: o.client, node: o.node, root: o.root, now: o.now, timers: o.timers ?? realTimers, log: o.log, pods: m, store: node.store, runtime: node.runtime, ...(o.staticPods ? { host: o.staticPods } : {}) }) : undefined;
      }
    });
  }
  const podLogs = o.root ? join(o.root, 'var/log/pods') : undefined;
  const net = startNodeNetwork({ client: o.client, now: o.now, ...(o.root ? { root: o.root } : {}), ...(o.fabric ? { fabric: o.fabric } : {}), ...(o.networkView ? { view: o.networkView } : {}) });
  const leaveNetwork = net.fabric.addNode(o.node, () => pods);
  return {
    node: o.node,
    containerLogs: (req, sink) => containerLogs({ pods, now: o.now, timers: o.timers ?? realTimers, log: o.log, ...(podLogs ? { podLogs } : {}) }, req, sink),
    exec: (req) => openExec({ pods, timers: o.timers ?? realTimers, network: net.network }, req),
    attach: (req) => openAttach({ pods, timers: o.timers ?? realTimers }, req),
    portForward: (req) => openPortForward({ pods, runtime: node.runtime, fabric: net.fabric, now: o.now }, req),
    runtime: node.runtime,
    resourceMetrics: (at) => nodeResourceMetrics(node.runtime, at, { node: o.node, bootTime }),
    async stop() {
      stopped = true;
      leaveNetwork();
      clearInterval(timer);
      await statics?.stop();
      pods?.stop();
      await current;
      await node.close();
    },
  };
}

/** The folders every Linux node has, which hostPath volumes (kube-proxy's /run/xtables.lock, /lib/modules) expect. */
const NODE_DIRS = ['run', 'var/run', 'var/lib', 'var/log', 'lib/modules', 'etc', 'tmp', 'mnt', 'opt'];

/** The node's image store (containerd's content store), pause and pre-pulled images included. */
function imageStore(o: KubeletOptions): ImageStore {
  if (o.root) for (const d of NODE_DIRS) mkdirSync(join(o.root, d), { recursive: true });
  return new ImageStore(o.catalog ?? defaultCatalog(), o.timers ?? realTimers, o.root, o.preloadImages ?? DEFAULT_PRELOAD);
}

/** The pod side; retried every 10 s until the node can be read. */
async function startPods(o: KubeletOptions, node: NodeRuntime, stopped: () => boolean): Promise<PodManager | undefined> {
  const timers = o.timers ?? realTimers;
  const store = node.store;
  const recorder = new KubeletRecorder(o.client, { component: 'kubelet', host: o.node, now: o.now, log: o.log });
  const mgr = new PodManager({ client: o.client, node: o.node, store, recorder, timers, now: o.now, log: o.log, runtime: node.runtime, ...(o.root ? { podLogs: join(o.root, 'var/log/pods'), nodeRoot: o.root } : {}) });
  while (!stopped()) {
    try {
      await mgr.start();
      return mgr;
    } catch (err) {
      o.log(`kubelet ${o.node}: cannot start pods yet: ${(err as Error).message}`);
      await new Promise((r) => timers.setTimeout(() => r(undefined), 10_000));
    }
  }
  return undefined;
}
