// The pods bound to this node (an informer on spec.nodeName=<node>), one PodWorker each. Before
// the first pod runs it reads its Node for the podCIDR and InternalIP, and takes back the IPs of
// pods the API already shows running here.
import type { Client } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { Informer } from '../controllers/framework/informer.js';
import type { Timers } from '../controllers/framework/queue.js';
import { Backoff } from './backoff.js';
import type { KubeletRecorder } from './events.js';
import { PodIpam } from './ipam.js';
import type { KubeletPods, PodView } from './logs/handler.js';
import type { Pod } from './pod-spec.js';
import type { ContainerRecord } from './container-record.js';
import { PodWorker, type WorkerEnv } from './pod-worker.js';
import type { StaticHooks } from './status-writer.js';
import type { ImageStore } from './runtime/image-store.js';
import type { MemoryRuntime, RuntimeEvent } from './cri/memory-runtime.js';

export interface PodManagerOptions {
  client: Client;
  node: string;
  store: ImageStore;
  recorder: KubeletRecorder;
  timers: Timers;
  now: () => number;
  podLogs?: string;
  /** The node's root folder (hostPath volumes). */
  nodeRoot?: string;
  log: (msg: string) => void;
  /** The node's runtime (crictl's view): runs are recorded there, and its sandbox changes heard. */
  runtime?: MemoryRuntime;
}

interface NodeObj { spec?: { podCIDR?: string }; status?: { addresses?: { type: string; address: string }[] } }

const MIRROR = 'kubernetes.io/config.mirror';

export class PodManager implements KubeletPods {
  private readonly workers = new Map<string, PodWorker>();
  /** Static pods the host runs itself (control-plane components), for logs. */
  private readonly hosted = new Set<() => PodView>();
  private readonly informer: Informer<Pod>;
  private env: WorkerEnv | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly o: PodManagerOptions) {
    this.informer = new Informer<Pod>(o.client, REFS.pods, { fieldSelector: `spec.nodeName=${o.node}`, log: (m) => o.log(`kubelet ${o.node}: ${m}`) });
  }

  /** Reads the node, then follows its pods; resolves once the first list is handled. */
  async start(): Promise<void> {
    const node = await this.o.client.get<Pod & NodeObj>(REFS.nodes, '', this.o.node);
    const cidr = node.spec?.podCIDR;
    if (!cidr) throw new Error(`node "${this.o.node}" has no podCIDR`);
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
    this.env = {
      client: this.o.client, node: this.o.node, hostIP, ipam: new PodIpam(cidr), store: this.o.store, recorder: this.o.recorder,
      timers: this.o.timers, now: this.o.now, log: this.o.log, ...(this.o.podLogs ? { podLogs: this.o.podLogs } : {}), ...(this.o.nodeRoot ? { nodeRoot: this.o.nodeRoot } : {}),
      crashBackoff: new Backoff(this.o.now), pullBackoff: new Backoff(this.o.now),
      gone: (uid) => this.workers.delete(uid), ...(this.o.runtime ? { runtime: this.o.runtime } : {}),
    };
    this.unsubscribe = this.o.runtime?.on((ev) => this.runtimeEvent(ev));
    this.informer.on({ add: (p) => this.upsert(p), update: (_o, p) => this.upsert(p), delete: (p) => this.removed(p) });
    await this.informer.start();
  }

  stop(): void {
    this.unsubscribe?.();
    this.informer.stop();
    for (const w of this.workers.values()) w.removed();
    this.workers.clear();
  }

  /** The pod ns/name this kubelet runs; the newest when a deleted one is still stopping. */
  byName(namespace: string, name: string): PodView | undefined {
    let found: PodView | undefined;
    for (const view of [...[...this.workers.values()].map((w) => () => w.view()), ...this.hosted]) {
      const v = view();
      if (v.pod.metadata.namespace === namespace && v.pod.metadata.name === name) found = v;
    }
    return found;
  }

  /** Makes a static pod the host runs visible (by name) until the returned function is called. */
  addHosted(view: () => PodView): () => void {
    this.hosted.add(view);
    return () => this.hosted.delete(view);
  }

  /** Container c of the pod ns/name this kubelet runs (the newest pod of that name), for exec and attach. */
  container(namespace: string, name: string, c: string): ContainerRecord | undefined {
    let found: ContainerRecord | undefined;
    for (const w of this.workers.values()) {
      const m = w.view().pod.metadata;
      if (m.namespace === namespace && m.name === name) found = w.container(c);
    }
    return found;
  }

  /** The node's InternalIP (known once started). */
  get hostIP(): string {
    return this.env?.hostIP ?? '127.0.0.1';
  }

  /** Runs a static pod (its UID is the manifest's hash) on this node; stop() kills it as a deletion does. */
  runStatic(pod: Pod, hooks: StaticHooks): { stop(): void } {
    if (!this.env) throw new Error('kubelet pods not started');
    const env = this.env;
    const w = new PodWorker(pod, env, hooks);
    this.workers.set(w.uid, w);
    w.kick();
    const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
    return { stop: () => w.update({ ...w.view().pod, metadata: { ...pod.metadata, deletionTimestamp: new Date(env.now()).toISOString(), deletionGracePeriodSeconds: grace } }) };
  }

  /** A sandbox stopped or removed behind the kubelet's back (crictl stopp/rmp) is re-created. */
  private runtimeEvent(ev: RuntimeEvent): void {
    if (ev.kind !== 'SANDBOX_STOPPED' && ev.kind !== 'SANDBOX_REMOVED') return;
    for (const w of this.workers.values()) w.sandboxGone(ev.sandboxId);
  }

  /** The running process of container run id, on any pod of this node. */
  runningById(id: string): ReturnType<PodWorker['runningById']> {
    for (const w of this.workers.values()) {
      const hit = w.runningById(id);
      if (hit) return hit;
    }
    return undefined;
  }

  private mine(p: Pod): boolean {
    return p.spec?.nodeName === this.o.node && !p.metadata.annotations?.[MIRROR];
  }

  private upsert(p: Pod): void {
    if (!this.env || !this.mine(p)) return;
    const uid = p.metadata.uid ?? '';
    const w = this.workers.get(uid);
    if (w) return w.update(p);
    const created = new PodWorker(p, this.env);
    this.workers.set(uid, created);
    created.kick();
  }

  private removed(p: Pod): void {
    const uid = p.metadata.uid ?? '';
    this.workers.get(uid)?.removed();
    this.workers.delete(uid);
  }
}
