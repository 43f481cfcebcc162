// The Events section: the events whose involvedObject matches the described object (kubectl's
// field selector on name, namespace, kind and uid), sorted by LastTimestamp with Go's unstable
// sort, ages computed against now: `45m`, `20s (x25 over 43m)`.
import type { Obj } from '../../client/types.js';
import { at, num, rec, str } from '../columns/fields.js';
import { parseTime } from '../columns/timestamps.js';
import { apiPath, listAll, type DescribeEnv, type Listed } from './context.js';
import { goSort } from './gosort.js';
import { since } from './time.js';
import { LEVEL_0, LEVEL_1, type Writer } from './writer.js';

/** What an event's involvedObject is matched against (reference.GetReference of the object). */
export interface EventRef {
  name: string;
  namespace: string;
  /** omitted from the selector when empty (pods are matched without their kind) */
  kind: string;
  uid: string;
}

export function refOf(obj: Obj, kind: string): EventRef {
  return { name: obj.metadata.name ?? '', namespace: obj.metadata.namespace ?? '', kind, uid: obj.metadata.uid ?? '' };
}

/** fields.EscapeValue. */
function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

export function eventSelector(ref: EventRef): string {
  const terms = [`involvedObject.name=${escapeValue(ref.name)}`, `involvedObject.namespace=${escapeValue(ref.namespace)}`];
  if (ref.kind !== '') terms.push(`involvedObject.kind=${escapeValue(ref.kind)}`);
  if (ref.uid !== '') terms.push(`involvedObject.uid=${escapeValue(ref.uid)}`);
  return terms.join(',');
}

/** searchEvents: the matching events (a failed list keeps what it read, and its error). */
export function searchEvents(env: DescribeEnv, ref: EventRef): Promise<Listed> {
  return listAll(env, apiPath('v1', 'events', ref.namespace || undefined), { fieldSelector: eventSelector(ref) }, 'events');
}

/** The events when --show-events, else undefined (no section printed). */
export async function eventsFor(env: DescribeEnv, ref: EventRef): Promise<Obj[] | undefined> {
  if (!env.settings.showEvents) return undefined;
  return (await searchEvents(env, ref)).items;
}

const GO_ZERO = -62135596800000;

function lastTimestamp(e: Obj): number {
  return parseTime(e.lastTimestamp) ?? GO_ZERO;
}

function interval(e: Obj, now: number): string {
  const eventTime = parseTime(e.eventTime);
  const first = eventTime !== null ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  const series = e.series;
  if (series !== undefined && series !== null) {
    return `${since(at(series, 'lastObservedTime'), now)} (x${num(at(series, 'count'))} over ${first})`;
  }
  if (num(e.count) > 1) return `${since(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
  return first;
}

/** DescribeEvents. */
export function describeEvents(events: Obj[], w: Writer, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort([...events], (a, b) => lastTimestamp(a) < lastTimestamp(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = str(rec(e.source).component) || str(e.reportingComponent);
    w.write(LEVEL_1, `${str(e.type)}\t${str(e.reason)}\t${interval(e, now)}\t${source}\t${str(e.message).trim()}\n`);
  }
}

/** The section if events were fetched. */
export function maybeEvents(events: Obj[] | undefined, w: Writer, now: number): void {
  if (events !== undefined) describeEvents(events, w, now);
}
