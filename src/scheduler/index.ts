// kube-scheduler for the daemon: startScheduler() builds the scheduler with its own informers and
// an events.k8s.io recorder (reportingController default-scheduler) and runs it until stopped.
import type { Client } from '../client/types.js';
import { RestClient } from '../client/rest.js';
import { restConfigFromKubeconfig } from '../client/rest-config.js';
import { durationMs } from '../controllers/framework/controller.js';
import { EventsV1Recorder, type EventRecorder } from '../controllers/framework/events.js';
import { InformerFactory } from '../controllers/framework/informer.js';
import { runWhenLeader } from '../controllers/framework/leader.js';
import type { Timers } from '../controllers/framework/queue.js';
import { DEFAULT_SCHEDULER_NAME } from './profile.js';
import { Scheduler } from './scheduler.js';

export { Scheduler, type SchedulerOptions } from './scheduler.js';
export type { ScheduleOutcome } from './core.js';
export { DEFAULT_SCHEDULER_NAME } from './profile.js';

export interface StartSchedulerOptions {
  /** The scheduler's client (as system:kube-scheduler). */
  client: Client;
  log: (msg: string) => void;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  /** The reporting instance's host part. */
  host?: string;
  informers?: InformerFactory;
  recorder?: EventRecorder;
  /** --pod-max-in-unschedulable-pods-duration, ms. */
  podMaxInUnschedulablePodsDurationMs?: number;
}

export interface RunningScheduler {
  scheduler: Scheduler;
  /** Settles when the loop has ended (after stop()). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts kube-scheduler's loop; resolves once its informers have synced. */
export async function startScheduler(o: StartSchedulerOptions): Promise<RunningScheduler> {
  const now = o.now ?? Date.now;
  const informers = o.informers ?? new InformerFactory(o.client, { log: o.log });
  const recorder = o.recorder ?? new EventsV1Recorder(o.client, { component: DEFAULT_SCHEDULER_NAME, now, log: o.log, ...(o.host ? { host: o.host } : {}) });
  const scheduler = new Scheduler({
    client: o.client, informers, recorder, now, log: o.log,
    ...(o.random ? { random: o.random } : {}), ...(o.timers ? { timers: o.timers } : {}),
    ...(o.podMaxInUnschedulablePodsDurationMs !== undefined ? { podMaxInUnschedulablePodsDurationMs: o.podMaxInUnschedulablePodsDurationMs } : {}),
  });
  const done = scheduler.run();
  await informers.start();
  return {
    scheduler,
    done,
    async stop() {
      scheduler.stop();
      await done;
      if (!o.informers) informers.stop();
      await recorder.flush();
    },
  };
}

export interface SchedulerProcessOptions {
  /** --kubeconfig (scheduler.conf: system:kube-scheduler). */
  kubeconfig: string;
  /** The static pod's flags (`pod-max-in-unschedulable-pods-duration` is honoured). */
  flags?: Record<string, string>;
  now: () => number;
  log: (msg: string) => void;
  /** The node it runs on (leader election identity <host>_<uuid>). */
  host?: string;
}

/** kube-scheduler as the control-plane supervisor starts it: its kubeconfig, its flags. */
export async function startSchedulerFromKubeconfig(o: SchedulerProcessOptions): Promise<{ stop(): Promise<void> }> {
  const config = { ...(await restConfigFromKubeconfig(o.kubeconfig)), userAgent: 'kube-scheduler/v1.32.4 (linux/amd64) kubernetes/scheduler' };
  const client = new RestClient(config);
  const recorder = new EventsV1Recorder(client, { component: 'kube-scheduler', host: o.host ?? 'localhost', now: o.now, log: o.log });
  const elected = runWhenLeader({
    client, component: 'kube-scheduler', host: o.host ?? 'localhost', flags: o.flags ?? {}, now: o.now, log: o.log,
    event: (lease, message) => recorder.event(lease, 'Normal', 'LeaderElection', message),
  }, () => startScheduler({
    client, now: o.now, log: o.log,
    podMaxInUnschedulablePodsDurationMs: durationMs(o.flags?.['pod-max-in-unschedulable-pods-duration'], 5 * 60_000),
  }));
  return {
    async stop() {
      await elected.stop();
      client.close();
    },
  };
}
