// A controller: informer handlers put keys on a work queue; workers take one key at a time and
// reconcile it against the cache; a failed key is retried with back-off, a reconcile may ask to
// be run again after a delay (time-driven state: grace periods, schedules, deadlines).
import type { Client } from '../../client/types.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import { WorkQueue, type Timers } from './queue.js';
import type { InformerFactory } from './informer.js';
import type { EventRecorder } from './events.js';

export interface ControllerContext {
  /** The client this controller acts as (its own service account, as --use-service-account-credentials). */
  client: Client;
  informers: InformerFactory;
  recorder: EventRecorder;
  now: () => number;
  log: (msg: string) => void;
  timers?: Timers;
  /** The component's flags, from its static pod manifest (`--node-monitor-grace-period` → value). */
  flags?: Record<string, string>;
  /** The server's resources (discovery), for loops that act on every kind (namespace deletion, GC). */
  discover?: () => Promise<DiscoveredResource[]>;
  /** The server's resources as discovered when the component started (GC watches them all). */
  resources?: DiscoveredResource[];
}

export type ReconcileResult = void | { requeueAfter?: number };

export interface Reconciler {
  readonly name: string;
  readonly queue: WorkQueue;
  reconcile(key: string): Promise<ReconcileResult>;
}

/** One of kube-controller-manager's controllers, as the manager starts it. */
export interface ControllerDef {
  /** The controller's name in --controllers (`replicaset`, `deployment`…). */
  name: string;
  /** The service account it acts as in kube-system (`replicaset-controller`). */
  serviceAccount: string;
  /** Event source component (usually the service account name). */
  component?: string;
  workers?: number;
  /** Wires informer handlers to a queue; must ask ctx.informers for every informer it reads. */
  create(ctx: ControllerContext): Reconciler;
}

/** A new queue wired to ctx's timers. */
export const newQueue = (ctx: Pick<ControllerContext, 'timers'>): WorkQueue => new WorkQueue(ctx.timers);

/** Runs n workers until the queue shuts down. */
export function runWorkers(c: Reconciler, n: number, log: (msg: string) => void): Promise<void> {
  const worker = async () => {
    for (;;) {
      const key = await c.queue.get();
      if (key === undefined) return;
      try {
        const r = await c.reconcile(key);
        c.queue.forget(key);
        if (r && r.requeueAfter !== undefined) c.queue.addAfter(key, r.requeueAfter);
      } catch (err) {
        log(`${c.name}: error syncing "${key}": ${(err as Error).message}`);
        c.queue.addRateLimited(key);
      } finally {
        c.queue.done(key);
      }
    }
  };
  return Promise.all(Array.from({ length: n }, worker)).then(() => undefined);
}

/** Parses a Go duration flag value (`40s`, `5m0s`, `1h`) into ms. */
export function durationMs(v: string | undefined, fallback: number): number {
  if (!v) return fallback;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'h'];
    matched += m[0];
  }
  return matched === v ? total : fallback;
}

export type { Client };
