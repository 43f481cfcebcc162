// kube-scheduler's default profile as a loop: informers feed the cache and the queue; run() pops
// pods one at a time, runs the scheduling cycle synchronously against the cache and lets the
// binding cycles run behind it, as upstream's binding goroutines do.
import type { Client, Obj } from '../client/types.js';
import { keyOf } from '../client/types.js';
import { REFS } from '../client/refs.js';
import type { EventRecorder } from '../controllers/framework/events.js';
import type { InformerFactory } from '../controllers/framework/informer.js';
import type { Timers } from '../controllers/framework/queue.js';
import { Algorithm } from './algorithm.js';
import { SchedulerCache } from './cache.js';
import type { Core, ScheduleOutcome } from './core.js';
import { schedulingCycle } from './cycle.js';
import { wireNodeHandlers, wirePodHandlers, wireVolumeHandlers } from './event-handlers.js';
import { Framework } from './framework.js';
import type { Handle } from './handle.js';
import { Nominator } from './nominator.js';
import { nodeNameOf, specOf } from './pod-info.js';
import { DEFAULT_SCHEDULER_NAME, defaultProfile } from './profile.js';
import { SchedulingQueue } from './queue.js';

export interface SchedulerOptions {
  client: Client;
  informers: InformerFactory;
  recorder: EventRecorder;
  now: () => number;
  log: (msg: string) => void;
  timers?: Timers;
  /** A number in [0, 1): breaks score ties and picks preemption's starting node. */
  random?: () => number;
  schedulerName?: string;
  /** 0 (the default) lets the scheduler choose from the cluster size. */
  percentageOfNodesToScore?: number;
  /** --pod-max-in-unschedulable-pods-duration (5 minutes). */
  podMaxInUnschedulablePodsDurationMs?: number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => { const t = setTimeout(fn, ms); t.unref?.(); return t; },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Pods scheduled between turns given to I/O (binding answers, watch events). */
const YIELD_EVERY = 64;
const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly nominator = new Nominator();
  readonly queue: SchedulingQueue;
  readonly framework: Framework;
  readonly algorithm: Algorithm;
  private readonly core: Core;
  private readonly inflight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly o: SchedulerOptions) {
    const inf = o.informers;
    const pods = inf.for(REFS.pods);
    const nodes = inf.for(REFS.nodes);
    const namespaces = inf.for(REFS.namespaces);
    const listers = {
      pvcs: inf.for(REFS.persistentvolumeclaims), pvs: inf.for(REFS.persistentvolumes), storageClasses: inf.for(REFS.storageclasses),
      services: inf.for(REFS.services), replicationControllers: inf.for(REFS.replicationcontrollers), replicaSets: inf.for(REFS.replicasets),
      statefulSets: inf.for(REFS.statefulsets), pdbs: inf.for(REFS.pdbs), namespaces,
    };
    const handle: Handle = {
      nodes: () => this.cache.list(),
      node: (name) => this.cache.get(name),
      havePodsWithAffinity: () => this.cache.havePodsWithAffinity(),
      havePodsWithRequiredAntiAffinity: () => this.cache.havePodsWithRequiredAntiAffinity(),
      namespaceLabels: (ns) => namespaces.get(ns)?.metadata.labels,
      listers,
    };
    const schedulerName = o.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    const random = o.random ?? Math.random;
    this.queue = new SchedulingQueue({
      now: o.now, timers: o.timers ?? realTimers,
      ...(o.podMaxInUnschedulablePodsDurationMs !== undefined ? { maxInUnschedulableMs: o.podMaxInUnschedulablePodsDurationMs } : {}),
    });
    this.framework = new Framework({ ...defaultProfile(handle), schedulerName }, handle, this.nominator);
    this.algorithm = new Algorithm(this.framework, random, o.percentageOfNodesToScore ?? 0);
    this.core = {
      client: o.client, recorder: o.recorder, now: o.now, log: o.log, random, schedulerName,
      cache: this.cache, queue: this.queue, nominator: this.nominator, fw: this.framework, algorithm: this.algorithm, pods,
    };
    const deps = { cache: this.cache, queue: this.queue, nominator: this.nominator, schedulerName };
    wirePodHandlers(pods, deps);
    wireNodeHandlers(nodes, deps);
    wireVolumeHandlers([listers.pvcs, listers.pvs, listers.storageClasses], deps);
  }

  /** Schedules and binds one pending pod now (tests; the loop uses the queue). */
  async scheduleOne(pod: Obj): Promise<ScheduleOutcome> {
    const cur = this.core.pods.get(keyOf(pod)) ?? pod;
    const spec = specOf(cur);
    if ((spec.schedulerName || DEFAULT_SCHEDULER_NAME) !== this.core.schedulerName) return 'skipped';
    if (nodeNameOf(cur) || cur.metadata.deletionTimestamp || spec.schedulingGates?.length) return 'skipped';
    const r = await schedulingCycle(this.core, this.queue.begin(cur));
    return 'outcome' in r ? r.outcome : r.bind();
  }

  /** Starts the informers and schedules until stop(); resolves once in-flight bindings settle. */
  async run(): Promise<void> {
    await this.o.informers.start();
    if (this.stopped) return;
    this.queue.run();
    for (let n = 1; ; n++) {
      const q = await this.queue.pop();
      if (!q || this.stopped) break;
      const r = await schedulingCycle(this.core, q).catch((err: Error) => {
        this.o.log(`scheduling ${q.pi.key}: ${err.message}`);
        this.queue.done(q.pi.key);
        return { outcome: 'skipped' as const };
      });
      if ('bind' in r) this.track(r.bind());
      if (n % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    await Promise.allSettled([...this.inflight]);
  }

  stop(): void {
    this.stopped = true;
    this.queue.close();
  }

  /** Settles when every binding started so far has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inflight]);
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch((err: Error) => this.o.log(`binding: ${err.message}`)).finally(() => this.inflight.delete(t));
    this.inflight.add(t);
  }
}
