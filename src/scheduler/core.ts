// What the scheduling and binding cycles share: the client, the event recorder, the cache, the
// queue, the nominator, the framework and the pod lister — one object the Scheduler builds.
import type { Client } from '../client/types.js';
import type { EventRecorder } from '../controllers/framework/events.js';
import type { Algorithm } from './algorithm.js';
import type { SchedulerCache } from './cache.js';
import type { Framework } from './framework.js';
import type { Lister } from './handle.js';
import type { Nominator } from './nominator.js';
import type { SchedulingQueue } from './queue.js';

export type ScheduleOutcome = 'bound' | 'unschedulable' | 'skipped';

export interface Core {
  client: Client;
  recorder: EventRecorder;
  now: () => number;
  log: (msg: string) => void;
  random: () => number;
  schedulerName: string;
  cache: SchedulerCache;
  queue: SchedulingQueue;
  nominator: Nominator;
  fw: Framework;
  algorithm: Algorithm;
  pods: Lister;
}
