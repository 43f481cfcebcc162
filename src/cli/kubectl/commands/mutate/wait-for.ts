// client-go's watchtools.UntilWithSync for one object, as `kubectl wait` and `delete --wait` use
// it: list it by `metadata.name` (limit=500, resourceVersion=0), check the precondition on that
// snapshot, feed the listed object then every watch event to the condition, re-watch when the
// server ends a watch, until the condition holds or the deadline passes.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj, WatchEvent } from '../../../../client/types.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { requestJson } from '../../resource/request.js';
import { collectionPath } from './info.js';
import type { Klog } from '../../klog.js';
import { reflectorLog, type ReflectorLog } from '../../reflector-log.js';

export interface WaitTarget {
  client: RestClient;
  mapping: ApiResource;
  namespace: string;
  name: string;
  /** the command's klog (the informer's reflector lines) */
  klog?: Klog;
}

/** A condition over one watch event; it may throw to end the wait with an error. */
export type EventCondition = (e: WatchEvent) => boolean;

export type UntilResult = { met: true; event?: WatchEvent } | { met: false; timedOut: true };

interface ListBody {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string };
  items?: Obj[];
}

function listPath(t: WaitTarget): string {
  const q = new URLSearchParams({ fieldSelector: `metadata.name=${t.name}`, limit: '500', resourceVersion: '0' });
  return `${collectionPath(t.mapping, t.namespace || undefined)}?${q.toString()}`;
}

/** One watch from rv: resolves with the event that met the condition, or undefined when it ended. */
function watchOnce(t: WaitTarget, rv: string, until: number, cond: EventCondition, seen: { rv: string }): Promise<WatchEvent | undefined> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.stop();
      fn();
    };
    // client-go's reflector: a watch of 5 to 10 minutes; the wait's own deadline stops it earlier.
    const timeoutSeconds = Math.floor(300 * (Math.random() + 1));
    const w = t.client.watch(t.mapping, t.namespace, {
      allowWatchBookmarks: true, fieldSelector: `metadata.name=${t.name}`, resourceVersion: rv, timeoutSeconds,
    }, (e) => {
      if (settled) return;
      const v = e.object?.metadata?.resourceVersion;
      if (v) seen.rv = v;
      if (e.type === 'BOOKMARK') return;
      try {
        if (cond(e)) finish(() => resolve(e));
      } catch (err) {
        finish(() => reject(err as Error));
      }
    });
    const timer = setTimeout(() => finish(() => resolve(undefined)), Math.max(0, until - Date.now()));
    void w.done.then(() => finish(() => resolve(undefined)));
  });
}

/**
 * UntilWithSync: precondition(exists) may end the wait (true) or fail it (throw) before any
 * event; then the listed object arrives as ADDED, then the watch events.
 */
export async function untilWithSync(t: WaitTarget, until: number, precondition: (exists: boolean) => boolean, cond: EventCondition): Promise<UntilResult> {
  const log = reflectorLog(t.klog);
  log.started();
  try {
    return await listThenWatch(t, until, precondition, cond, log);
  } finally {
    log.stopped();
  }
}

async function listThenWatch(t: WaitTarget, until: number, precondition: (exists: boolean) => boolean, cond: EventCondition, log: ReflectorLog): Promise<UntilResult> {
  const list = await requestJson<ListBody>(t.client, 'GET', listPath(t));
  log.populated();
  const kind = (list.kind ?? '').replace(/List$/, '');
  const items = (list.items ?? []).map((o): Obj => ({ apiVersion: list.apiVersion, kind, ...o }));
  if (precondition(items.length > 0)) return { met: true };
  for (const object of items) {
    const e: WatchEvent = { type: 'ADDED', object };
    if (cond(e)) return { met: true, event: e };
  }
  const seen = { rv: list.metadata?.resourceVersion ?? '' };
  while (Date.now() < until) {
    const started = Date.now();
    const e = await watchOnce(t, seen.rv, until, cond, seen);
    if (e) return { met: true, event: e };
    if (Date.now() - started < 200) await new Promise((r) => setTimeout(r, Math.min(500, Math.max(0, until - Date.now()))));
  }
  return { met: false, timedOut: true };
}

/** `timed out waiting for the condition on pods/web` */
export const waitTimeoutError = (mapping: ApiResource, name: string): Error => new Error(`timed out waiting for the condition on ${mapping.resource}/${name}`);
