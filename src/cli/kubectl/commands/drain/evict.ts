// Helper.DeleteOrEvictPods: with the policy/v1 eviction subresource (unless --disable-eviction)
// every pod is evicted at once — `evicting pod ns/name`, retried every 5s while a disruption
// budget refuses (429) — then polled each second until gone (`pod/name evicted`); without it
// every pod is deleted, then all are polled (`pod/name deleted`). --timeout bounds the whole.
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj } from '../../../../client/types.js';
import type { Io } from '../../../shared/io.js';
import { requestJson } from '../../resource/request.js';
import { aggregate } from '../mutate/aggregate.js';
import type { DryRun } from '../mutate/dry-run.js';
import { deletedLongAgo } from './filters.js';
import { goDuration } from '../../../../client/go-duration.js';

export interface EvictOptions {
  io: Io;
  client: RestClient;
  /** --grace-period; negative: the pod's own */
  gracePeriod: number;
  /** --timeout in ms; 0: none */
  timeoutMs: number;
  dryRun: DryRun;
  disableEviction: boolean;
  skipWaitSeconds: number;
  /** `pod/name evicted` (the printer with its dry-run suffix) */
  finished(pod: Obj, verb: string): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const nsOf = (p: Obj): string => p.metadata.namespace ?? '';
const nameOf = (p: Obj): string => p.metadata.name ?? '';
const podPath = (p: Obj): string => `/api/v1/namespaces/${encodeURIComponent(nsOf(p))}/pods/${encodeURIComponent(nameOf(p))}`;

function deleteOptions(o: EvictOptions): Record<string, unknown> {
  return { ...(o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {}), ...(o.dryRun === 'server' ? { dryRun: ['All'] } : {}) };
}

/** CheckEvictionSupport: the core group lists pods/eviction with its group and version. */
async function evictionSupported(client: RestClient): Promise<boolean> {
  const doc = await requestJson<{ resources?: { name?: string; kind?: string; group?: string; version?: string }[] }>(client, 'GET', '/api/v1');
  return (doc.resources ?? []).some((r) => r.name === 'pods/eviction' && r.kind === 'Eviction' && !!r.group && !!r.version);
}

const terminating = (err: ApiError): boolean => (err.status.details?.causes ?? []).some((c) => (c as { type?: string }).type === 'NamespaceTerminating');

class Deadline {
  private readonly at: number;

  constructor(readonly ms: number) {
    this.at = ms > 0 ? Date.now() + ms : Infinity;
  }

  get passed(): boolean {
    return Date.now() >= this.at;
  }

  get text(): string {
    return this.ms > 0 ? goDuration(this.ms) : '2562047h47m16.854775807s';
  }
}

/** waitForDelete: polls now and every second; the pods still there when the deadline passed. */
async function waitForDelete(o: EvictOptions, pods: Obj[], verb: string, deadline: Deadline): Promise<void> {
  let pending = pods;
  for (;;) {
    const still: Obj[] = [];
    for (const pod of pending) {
      let current: Obj | undefined;
      try {
        current = await requestJson<Obj>(o.client, 'GET', podPath(pod));
      } catch (err) {
        if (!(err instanceof ApiError && err.status.reason === 'NotFound')) {
          o.finished(pod, `${verb === 'evicted' ? 'eviction' : 'deletion'} failed`);
          throw err;
        }
      }
      if (current === undefined || current.metadata.uid !== pod.metadata.uid) {
        o.finished(pod, verb);
      } else if (deletedLongAgo(current as never, o.skipWaitSeconds, Date.now())) {
        o.io.stdout.write(`pod ${JSON.stringify(nameOf(pod))} has DeletionTimestamp older than ${o.skipWaitSeconds} seconds, skipping\n`);
      } else {
        still.push(pod);
      }
    }
    pending = still;
    if (pending.length === 0) return;
    if (deadline.passed) throw new Error('context deadline exceeded');
    await sleep(1000);
    if (deadline.passed) throw new Error('context deadline exceeded');
  }
}

async function evictOne(o: EvictOptions, pod: Obj, deadline: Deadline): Promise<Error | undefined> {
  const who = `pods/${JSON.stringify(nameOf(pod))} -n ${JSON.stringify(nsOf(pod))}`;
  const body = { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: nameOf(pod), namespace: nsOf(pod), creationTimestamp: null }, deleteOptions: deleteOptions(o) };
  for (;;) {
    o.io.stdout.write(`evicting pod ${nsOf(pod)}/${nameOf(pod)}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (deadline.passed) return new Error(`error when evicting ${who}: global timeout reached: ${deadline.text}`);
    try {
      await requestJson(o.client, 'POST', `${podPath(pod)}/eviction`, { body });
      break;
    } catch (err) {
      if (err instanceof ApiError && err.status.reason === 'NotFound') return undefined;
      if (err instanceof ApiError && err.status.code === 429) {
        o.io.stderr.write(`error when evicting ${who} (will retry after 5s): ${err.message}\n`);
      } else if (err instanceof ApiError && err.status.reason === 'Forbidden' && terminating(err)) {
        if (pod.metadata.deletionTimestamp) break;
        o.io.stderr.write(`error when evicting pod ${JSON.stringify(nameOf(pod))} from terminating namespace ${JSON.stringify(nsOf(pod))} (will retry after 5s): ${err.message}\n`);
      } else {
        return new Error(`error when evicting ${who}: ${(err as Error).message}`);
      }
      await sleep(5000);
    }
  }
  if (o.dryRun === 'server') return undefined;
  try {
    await waitForDelete(o, [pod], 'evicted', deadline);
    return undefined;
  } catch (err) {
    return new Error(`error when waiting for pod ${JSON.stringify(nameOf(pod))} in namespace ${JSON.stringify(nsOf(pod))} to terminate: ${(err as Error).message}`);
  }
}

async function deletePods(o: EvictOptions, pods: Obj[], deadline: Deadline): Promise<void> {
  for (const pod of pods) {
    try {
      await requestJson(o.client, 'DELETE', podPath(pod), { body: { kind: 'DeleteOptions', apiVersion: 'v1', ...deleteOptions(o) } });
    } catch (err) {
      if (!(err instanceof ApiError && err.status.reason === 'NotFound')) throw err;
    }
  }
  await waitForDelete(o, pods, 'deleted', deadline);
}

/** DeleteOrEvictPods; throws the aggregate of the pods' failures. */
export async function deleteOrEvictPods(o: EvictOptions, pods: Obj[]): Promise<void> {
  if (pods.length === 0) return;
  const deadline = new Deadline(o.timeoutMs);
  if (!o.disableEviction && (await evictionSupported(o.client))) {
    const results = await Promise.all(pods.map((p) => evictOne(o, p, deadline)));
    const errs = aggregate(results.filter((e): e is Error => e !== undefined));
    if (errs) throw errs;
    return;
  }
  await deletePods(o, pods, deadline);
}
