// When metrics-server's scrapes began: its first tick follows its container's start by the time it
// takes to sync its informers; one resolution after that it has two scrapes to compare.
import type { ObjectStorage } from '../storage/storage.js';
import { pod as podD } from '../resources/pod.js';
import { RESOLUTION_MS } from './points.js';

/** From the container's start to its first scrape. */
export const FIRST_SCRAPE_DELAY_MS = 1000;

interface Status { startTime?: string; containerStatuses?: { image?: string; state?: { running?: { startedAt?: string } } }[] }

/** The time of the first scrape of the metrics-server pod `server` (long ago when unknown). */
export async function serverStart(storage: ObjectStorage, server: { namespace: string; name: string } | undefined, now: number): Promise<number> {
  const pod = server ? await storage.tryGet(podD, server.namespace, server.name) : undefined;
  const st = (pod?.status ?? {}) as Status;
  const c = (st.containerStatuses ?? []).find((x) => (x.image ?? '').includes('metrics-server')) ?? st.containerStatuses?.[0];
  const started = Date.parse(c?.state?.running?.startedAt ?? '');
  return Number.isFinite(started) ? started + FIRST_SCRAPE_DELAY_MS : now - 2 * RESOLUTION_MS;
}
