// The scheduling queue (internal/queue.PriorityQueue): activeQ ordered by priority then the time a
// pod entered the queue; backoffQ holding pods that failed until 1 s × 2^(attempts-1) (at most 10 s)
// has passed; unschedulable pods waiting for a cluster event that may help the plugins that
// rejected them, flushed to the queue after 5 minutes anyway. Gated pods wait for their gates.
import type { Obj } from '../client/types.js';
import { keyOf } from '../client/types.js';
import type { Timers } from '../controllers/framework/queue.js';
import { Heap } from './heap.js';
import { newPodInfo, specOf, type PodInfo } from './pod-info.js';

export interface QueuedPodInfo {
  pi: PodInfo;
  /** When the pod (re-)entered the queue. */
  timestamp: number;
  seq: number;
  attempts: number;
  /** Plugins that rejected the pod in its last attempt; empty after an error. */
  unschedulablePlugins: Set<string>;
}

/** A cluster change, and the plugins whose rejections it may undo ('all' for any). */
export interface ClusterEvent {
  label: string;
  plugins: ReadonlySet<string> | 'all';
}

export interface QueueOptions {
  now: () => number;
  timers: Timers;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxInUnschedulableMs?: number;
}

const BACKOFF_FLUSH_MS = 1000;
const UNSCHEDULABLE_FLUSH_MS = 30_000;

const activeLess = (a: QueuedPodInfo, b: QueuedPodInfo): boolean =>
  a.pi.priority !== b.pi.priority ? a.pi.priority > b.pi.priority : a.timestamp !== b.timestamp ? a.timestamp < b.timestamp : a.seq < b.seq;

/** What an update must change for an unschedulable pod to be worth another attempt. */
function specChanged(oldPod: Obj, newPod: Obj): boolean {
  const strip = (p: Obj) => JSON.stringify({ spec: p.spec, labels: p.metadata.labels, annotations: p.metadata.annotations });
  return strip(oldPod) !== strip(newPod);
}

export class SchedulingQueue {
  private readonly active = new Heap<QueuedPodInfo>((q) => q.pi.key, activeLess);
  private readonly backoff = new Heap<QueuedPodInfo>((q) => q.pi.key, (a, b) => this.backoffExpiry(a) < this.backoffExpiry(b));
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly gated = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Set<string>();
  private readonly waiters: ((q: QueuedPodInfo | undefined) => void)[] = [];
  private readonly timerHandles = new Map<string, unknown>();
  private seq = 0;
  private closed = false;
  schedulingCycle = 0;
  private moveRequestCycle = -1;

  constructor(private readonly o: QueueOptions) {}

  private newQueued(pod: Obj): QueuedPodInfo {
    return { pi: newPodInfo(pod), timestamp: this.o.now(), seq: this.seq++, attempts: 0, unschedulablePlugins: new Set() };
  }

  /** backoffDuration: initial × 2^(attempts-1), capped. */
  backoffMs(attempts: number): number {
    const max = this.o.maxBackoffMs ?? 10_000;
    let d = this.o.initialBackoffMs ?? 1000;
    if (attempts === 0) return 0;
    for (let i = 1; i < attempts; i++) {
      if (d > max - d) return max;
      d += d;
    }
    return d;
  }

  private backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffMs(q.attempts);
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffExpiry(q) > this.o.now();
  }

  private pushActive(q: QueuedPodInfo): void {
    const w = this.waiters.shift();
    if (w) this.hand(q, w);
    else this.active.push(q);
  }

  private hand(q: QueuedPodInfo, w: (q: QueuedPodInfo) => void): void {
    q.attempts++;
    this.schedulingCycle++;
    this.inFlight.add(q.pi.key);
    w(q);
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key) || this.gated.has(key);
  }

  /** A new pending pod. */
  add(pod: Obj): void {
    const q = this.newQueued(pod);
    if (this.has(q.pi.key) || this.inFlight.has(q.pi.key)) return this.update(pod, pod);
    if (specOf(pod).schedulingGates?.length) this.gated.set(q.pi.key, q);
    else this.pushActive(q);
  }

  update(oldPod: Obj, newPod: Obj): void {
    const pi = newPodInfo(newPod);
    const k = pi.key;
    if (this.inFlight.has(k)) {
      // Changed while being scheduled: if this attempt fails, retry after backoff.
      if (specChanged(oldPod, newPod)) this.moveRequestCycle = this.schedulingCycle;
      return;
    }
    const found = this.active.get(k) ?? this.backoff.get(k);
    if (found) {
      found.pi = pi;
      (this.active.has(k) ? this.active : this.backoff).push(found);
      return;
    }
    const gated = this.gated.get(k);
    if (gated) {
      gated.pi = pi;
      if (!specOf(newPod).schedulingGates?.length) {
        this.gated.delete(k);
        this.pushActive(gated);
      }
      return;
    }
    const u = this.unschedulable.get(k);
    if (!u) return this.add(newPod);
    u.pi = pi;
    if (!specChanged(oldPod, newPod)) return;
    this.unschedulable.delete(k);
    this.requeue(u);
  }

  delete(pod: Obj): void {
    const k = keyOf(pod);
    this.active.delete(k);
    this.backoff.delete(k);
    this.unschedulable.delete(k);
    this.gated.delete(k);
  }

  /** The next pod to schedule; undefined once closed. */
  pop(): Promise<QueuedPodInfo | undefined> {
    const q = this.tryPop();
    if (q || this.closed) return Promise.resolve(q);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  tryPop(): QueuedPodInfo | undefined {
    const q = this.active.pop();
    if (q) this.hand(q, () => {});
    return q;
  }

  /** Takes the pod out of the queue (or starts tracking it) for an attempt made outside pop(). */
  begin(pod: Obj): QueuedPodInfo {
    const k = keyOf(pod);
    const q = this.active.delete(k) ?? this.backoff.delete(k) ?? this.unschedulable.get(k) ?? this.gated.get(k) ?? this.newQueued(pod);
    this.unschedulable.delete(k);
    this.gated.delete(k);
    this.hand(q, () => {});
    return q;
  }

  /** The attempt for key is over (bound, or requeued by one of the add* calls). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /** AddUnschedulableIfNotPresent: back to backoffQ if the cluster moved during the attempt. */
  addUnschedulable(q: QueuedPodInfo, cycle: number): void {
    this.inFlight.delete(q.pi.key);
    if (this.has(q.pi.key)) return;
    q.timestamp = this.o.now();
    if (this.moveRequestCycle >= cycle || q.unschedulablePlugins.size === 0) this.backoff.push(q);
    else this.unschedulable.set(q.pi.key, q);
  }

  private requeue(q: QueuedPodInfo): void {
    if (this.isBackingOff(q)) this.backoff.push(q);
    else this.pushActive(q);
  }

  /** MoveAllToActiveOrBackoffQueue for the pods an event may help. */
  onEvent(ev: ClusterEvent): void {
    for (const [k, q] of this.unschedulable) {
      const relevant = ev.plugins === 'all' || q.unschedulablePlugins.size === 0 || [...q.unschedulablePlugins].some((p) => (ev.plugins as ReadonlySet<string>).has(p));
      if (!relevant) continue;
      this.unschedulable.delete(k);
      this.requeue(q);
    }
    this.moveRequestCycle = this.schedulingCycle;
  }

  flushBackoffCompleted(): void {
    for (let q = this.backoff.peek(); q && !this.isBackingOff(q); q = this.backoff.peek()) {
      this.backoff.pop();
      this.pushActive(q);
    }
  }

  flushUnschedulableLeftover(): void {
    const max = this.o.maxInUnschedulableMs ?? 5 * 60_000;
    const now = this.o.now();
    for (const [k, q] of this.unschedulable) {
      if (now - q.timestamp <= max) continue;
      this.unschedulable.delete(k);
      this.requeue(q);
    }
  }

  /** Starts the periodic flushes. */
  run(): void {
    const every = (name: string, ms: number, fn: () => void) => {
      const tick = () => {
        if (this.closed) return;
        fn();
        this.timerHandles.set(name, this.o.timers.setTimeout(tick, ms));
      };
      this.timerHandles.set(name, this.o.timers.setTimeout(tick, ms));
    };
    every('backoff', BACKOFF_FLUSH_MS, () => this.flushBackoffCompleted());
    every('unschedulable', UNSCHEDULABLE_FLUSH_MS, () => this.flushUnschedulableLeftover());
  }

  close(): void {
    this.closed = true;
    for (const h of this.timerHandles.values()) this.o.timers.clearTimeout(h);
    this.timerHandles.clear();
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** Counts for tests and logs. */
  stats(): { active: number; backoff: number; unschedulable: number; gated: number } {
    return { active: this.active.length, backoff: this.backoff.length, unschedulable: this.unschedulable.size, gated: this.gated.size };
  }
}
