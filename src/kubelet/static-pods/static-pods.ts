// The kubelet's static pods: every second it reads its staticPodPath (file.go), starts a runner
// for each new or changed manifest (a component the host runs, or a pod on the simulated
// runtime), stops the runners of removed ones, and keeps one mirror pod per static pod in the API
// (a deleted or foreign mirror pod is replaced, a removed manifest's mirror pod deleted).
import { isConflict, isNotFound, type Client } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { Timers } from '../../controllers/framework/queue.js';
import type { Pod, PodStatus } from '../pod-spec.js';
import { readManifests, type StaticPod } from './manifest.js';
import { CONFIG_MIRROR, createMirror, deleteMirror, getMirror, isMirrorOf, type NodeRef } from './mirror.js';

export const POLL_MS = 1000;
/** Mirror pods without a static pod (a manifest removed while the kubelet was down) are looked for every this many passes. */
const ORPHAN_PASSES = 10;

/** What runs one static pod; report() sends its status to the mirror pod. */
export interface StaticRunner {
  stop(): void;
}
export type StartRunner = (sp: StaticPod, report: (status: PodStatus) => Promise<void>) => StaticRunner;

export interface StaticPodsOptions {
  client: Client;
  node: string;
  /** The manifests folder on the host, and its path inside the node. */
  dir: string;
  nodeDir: string;
  now: () => number;
  timers: Timers;
  log: (msg: string) => void;
  start: StartRunner;
}

interface Entry {
  sp: StaticPod;
  seen: number;
  runner?: StaticRunner;
  mirror?: Pod;
  status?: PodStatus;
  written?: string;
  /** The last mirror pod error logged (logged again only when it changes). */
  failed?: string;
}

export class StaticPods {
  private readonly entries = new Map<string, Entry>();
  private readonly errors = new Map<string, string>();
  private nodeRef: NodeRef | undefined;
  private handle: unknown;
  private stopped = false;
  private passes = 0;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly o: StaticPodsOptions) {}

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.current = this.sync().catch((err: Error) => this.o.log(`kubelet ${this.o.node}: static pods: ${err.message}`)).then(() => {
        if (!this.stopped) this.handle = this.o.timers.setTimeout(loop, POLL_MS);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.o.timers.clearTimeout(this.handle);
    await this.current;
    for (const e of this.entries.values()) e.runner?.stop();
    this.entries.clear();
  }

  /** One pass: the manifests, then every mirror pod. */
  async sync(): Promise<void> {
    const { pods, errors } = readManifests(this.o.dir, this.o.nodeDir, this.o.node);
    this.logErrors(errors);
    const wanted = new Map(pods.map((sp) => [`${sp.pod.metadata.namespace}/${sp.pod.metadata.name}`, sp]));
    for (const [key, e] of [...this.entries]) {
      if (wanted.get(key)?.hash === e.sp.hash) continue;
      this.entries.delete(key);
      e.runner?.stop();
      await deleteMirror(this.o.client, e.sp.pod.metadata.namespace ?? '', e.sp.pod.metadata.name ?? '', e.mirror?.metadata.uid);
    }
    for (const [key, sp] of wanted) {
      if (this.entries.has(key)) continue;
      const e: Entry = { sp, seen: this.o.now() };
      this.entries.set(key, e);
      e.runner = this.o.start(sp, (status) => this.report(e, status));
    }
    for (const e of this.entries.values()) await this.syncMirror(e).then(() => delete e.failed, (err: Error) => this.mirrorFailed(e, err));
    if (this.passes++ % ORPHAN_PASSES === 0) await this.deleteOrphans();
  }

  /** Deletes this node's mirror pods that mirror no static pod the kubelet has. */
  private async deleteOrphans(): Promise<void> {
    const list = await this.o.client.list<Pod>(REFS.pods, '', { fieldSelector: `spec.nodeName=${this.o.node}` });
    for (const p of list.items) {
      const hash = p.metadata.annotations?.[CONFIG_MIRROR];
      if (hash === undefined || [...this.entries.values()].some((e) => e.sp.hash === hash)) continue;
      await deleteMirror(this.o.client, p.metadata.namespace ?? '', p.metadata.name ?? '', p.metadata.uid);
    }
  }

  /** "Could not process manifest file" once per manifest and error, as the file source logs it. */
  private logErrors(errors: { path: string; message: string }[]): void {
    const now = new Map(errors.map((e) => [e.path, e.message]));
    for (const [path, message] of now) {
      if (this.errors.get(path) !== message) this.o.log(`kubelet ${this.o.node}: file.go:187] "Could not process manifest file" err=${JSON.stringify(message)} path=${JSON.stringify(path)}`);
    }
    this.errors.clear();
    for (const [k, v] of now) this.errors.set(k, v);
  }

  private mirrorFailed(e: Entry, err: Error): void {
    if (e.failed === err.message) return;
    e.failed = err.message;
    const pod = `${e.sp.pod.metadata.namespace}/${e.sp.pod.metadata.name}`;
    this.o.log(`kubelet ${this.o.node}: "Failed creating a mirror pod" err=${JSON.stringify(err.message)} pod=${JSON.stringify(pod)}`);
  }

  /** Creates the mirror pod when it is missing; replaces one being deleted or of another hash. */
  private async syncMirror(e: Entry): Promise<void> {
    const found = await getMirror(this.o.client, e.sp);
    if (found && isMirrorOf(found, e.sp)) {
      if (found.metadata.uid !== e.mirror?.metadata.uid) e.written = undefined;
      e.mirror = found;
      return this.flush(e);
    }
    if (found) {
      await deleteMirror(this.o.client, found.metadata.namespace ?? '', found.metadata.name ?? '', found.metadata.uid);
      return;
    }
    e.mirror = await createMirror(this.o.client, e.sp, await this.node(), e.seen);
    e.written = undefined;
    await this.flush(e);
  }

  private async node(): Promise<NodeRef> {
    this.nodeRef ??= { name: this.o.node, uid: (await this.o.client.get(REFS.nodes, '', this.o.node)).metadata.uid ?? '' };
    return this.nodeRef;
  }

  private async report(e: Entry, status: PodStatus): Promise<void> {
    e.status = status;
    if (this.entries.get(`${e.sp.pod.metadata.namespace}/${e.sp.pod.metadata.name}`) === e) await this.flush(e);
  }

  /** Writes the latest status to the mirror pod when it differs from what was written. */
  private async flush(e: Entry): Promise<void> {
    if (!e.mirror || !e.status) return;
    const json = JSON.stringify(e.status);
    if (json === e.written) return;
    e.written = json;
    try {
      e.mirror = await this.o.client.update<Pod>(REFS.pods, { ...e.mirror, status: e.status }, { subresource: 'status' });
    } catch (err) {
      e.written = undefined; // the next pass reads the mirror pod again and retries
      if (!isConflict(err) && !isNotFound(err)) throw err;
    }
  }
}
