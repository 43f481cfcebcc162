// `kubectl events`' own table (not the server's): LAST SEEN as an interval `10m (x28 over 12m)`,
// OBJECT as Kind/name, sorted by when each event last happened.
import { humanDuration } from '../../../../printers/duration.js';
import { goSort } from '../../../../printers/jsonpath/index.js';

export interface CoreEvent {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  involvedObject?: { kind?: string; name?: string };
}

function since(ts: string | null | undefined, now: number): string {
  return ts ? humanDuration(now - Date.parse(ts)) : '<unknown>';
}

export function interval(e: CoreEvent, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function sortTime(e: CoreEvent): number {
  if (e.series?.lastObservedTime) return Date.parse(e.series.lastObservedTime);
  if (e.lastTimestamp) return Date.parse(e.lastTimestamp);
  return e.eventTime ? Date.parse(e.eventTime) : Number.NEGATIVE_INFINITY;
}

/** sort.Sort(SortableEvents): Go's (unstable) sort by eventTime. */
export function sortEvents(events: CoreEvent[]): CoreEvent[] {
  const items = [...events];
  goSort({
    len: items.length,
    less: (i, j) => sortTime(items[i]!) < sortTime(items[j]!),
    swap: (i, j) => { const t = items[i]!; items[i] = items[j]!; items[j] = t; },
  });
  return items;
}

export function eventRow(e: CoreEvent, allNamespaces: boolean, now: number): string[] {
  const cells = [interval(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, (e.message ?? '').trim()];
  return allNamespaces ? [e.metadata.namespace ?? '', ...cells] : cells;
}

export function eventHeader(allNamespaces: boolean): string[] {
  const cells = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return allNamespaces ? ['NAMESPACE', ...cells] : cells;
}
