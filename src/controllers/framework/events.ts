// Event recorders. Controllers write core/v1 Events as client-go's recorder does (name
// `<object>.<hex nanoseconds>`, source.component, count, first/last timestamps; a repeat of the
// same event bumps count instead of creating another; ten different messages
// for one object and reason within 10 minutes go on in one "(combined from similar events)"
// event, as client-go's EventAggregator makes it; 25 writes per object, then one per 5 minutes,
// as its spam filter lets through). The scheduler writes
// events.k8s.io/v1 Events (eventTime, reportingController, action), as kube-scheduler does.
import { isNotFound, type Client, type Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  event(obj: Obj, type: EventType, reason: string, message: string, action?: string): void;
  /** Settles when every event recorded so far is written. */
  flush(): Promise<void>;
}

export interface RecorderOptions {
  component: string;
  host?: string;
  now: () => number;
  log?: (msg: string) => void;
}

/** An event written (or held back by the spam filter: no name yet), its count and first time. */
export interface EventEntry { name: string; ns: string; count: number; at: number; firstAt: number }
type Seen = EventEntry;

/** client-go's EventAggregator's interval (maxIntervalInSeconds). */
const AGGREGATE_WINDOW_MS = 10 * 60_000;

/** client-go's EventAggregator: this many different messages for one object and reason in 10 minutes are combined. */
const MAX_SIMILAR = 10;
export const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * client-go's EventSourceObjectSpamFilter: each source and object has a bucket of 25 events,
 * refilled by one every 5 minutes; an event (a repeat too) finding it empty is not written,
 * though its count still goes up for the next one that is.
 */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** Oldest first (Map order): drops entries older than `window`, and the oldest beyond the cap. */
function expire<T extends { at: number }>(m: Map<string, T>, now: number, window = AGGREGATE_WINDOW_MS): void {
  for (const [k, v] of m) {
    if (now - v.at < window && m.size <= 4096) break;
    m.delete(k);
  }
}

export function involvedObject(o: Obj): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, uid: o.metadata.uid, apiVersion: o.apiVersion, resourceVersion: o.metadata.resourceVersion };
  for (const k of Object.keys(r)) if (r[k] === undefined || r[k] === '') delete r[k];
  return r;
}

export const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const micro = (ms: number) => new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_m, f: string) => `.${f.padEnd(6, '0')}Z`);

let lastNanos = 0n;

/**
 * client-go's event name, `<object>.<hex of the time in nanoseconds>`: our clocks have
 * milliseconds, so the nanoseconds are made up, and increase from one event to the next in this
 * process as a real clock's would (names sort in the order events were made, which is the order
 * `kubectl describe` shows events of the same second in: Created before Started).
 */
export function eventName(o: Obj, ms: number): string {
  let nanos = BigInt(ms) * 1_000_000n + BigInt(Math.floor(Math.random() * 1e6));
  if (nanos <= lastNanos) nanos = lastNanos + 1n + BigInt(Math.floor(Math.random() * 1000));
  lastNanos = nanos;
  return `${o.metadata.name}.${nanos.toString(16)}`;
}

/** The involved object, as client-go's aggregate and spam keys name it. */
const objectKey = (obj: Obj): string => [obj.kind, obj.apiVersion, obj.metadata.namespace, obj.metadata.name, obj.metadata.uid].join('\0');

abstract class Recorder implements EventRecorder {
  protected pending: Promise<void> = Promise.resolve();
  protected readonly seen = new Map<string, Seen>();
  /** The different messages of each object's type and reason (core/v1 recorders only). */
  private readonly similar = new Map<string, { messages: Set<string>; at: number }>();
  /** Each source and object's spam-filter bucket: tokens left at `at`. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Whether events are aggregated and spam-filtered as client-go's EventCorrelator does for core/v1 Events. */
  protected readonly aggregates: boolean = false;

  constructor(protected readonly client: Client, protected readonly o: RecorderOptions) {}

  /**
   * EventAggregate: the tenth different message for one object, type and reason within 10
   * minutes (and each one after it) becomes one "(combined from similar events)" event, counted
   * up as a repeat; undefined while the event stands alone.
   */
  private combine(obj: Obj, type: EventType, reason: string, message: string, now: number): string | undefined {
    const key = [objectKey(obj), type, reason].join('\0');
    let record = this.similar.get(key);
    if (!record || now - record.at > AGGREGATE_WINDOW_MS) record = { messages: new Set(), at: now };
    record.messages.add(message);
    record.at = now;
    this.similar.delete(key);
    expire(this.similar, now);
    this.similar.set(key, record);
    if (record.messages.size < MAX_SIMILAR) return undefined;
    record.messages.delete(record.messages.values().next().value!);
    return `${key}\0combined`;
  }

  /** Takes a token from the object's bucket (getSpamKey: this source, the object); false when there is none. */
  private admit(obj: Obj, now: number): boolean {
    const key = objectKey(obj);
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS) : SPAM_BURST;
    const ok = tokens >= 1;
    this.buckets.delete(key);
    expire(this.buckets, now, SPAM_BURST * SPAM_REFILL_MS);
    this.buckets.set(key, { tokens: ok ? tokens - 1 : tokens, at: now });
    return ok;
  }

  event(obj: Obj, type: EventType, reason: string, message: string, action = ''): void {
    const now = this.o.now();
    const combinedKey = this.aggregates ? this.combine(obj, type, reason, message, now) : undefined;
    const combined = combinedKey !== undefined;
    if (combined) message = COMBINED_PREFIX + message;
    const key = combinedKey ?? [obj.metadata.namespace, obj.metadata.name, obj.metadata.uid, type, reason, message].join('\0');
    // client-go's eventLogger: an LRU of every event seen, repeats counted however far apart
    let entry = this.seen.get(key);
    if (entry) {
      entry.count += 1;
      entry.at = now;
      this.seen.delete(key);
    } else {
      expire(this.seen, now, Infinity);
      entry = { name: '', ns: obj.metadata.namespace || 'default', count: 1, at: now, firstAt: now };
    }
    this.seen.set(key, entry);
    if (this.aggregates && !this.admit(obj, now)) return;
    const e = entry;
    const count = e.count;
    const latest = message;
    // a repeat of an event the filter held back, or one the apiserver has since deleted (its
    // event TTL), is created with its count and first time, as client-go's sink does when the
    // patch finds nothing
    const create = () => this.first(obj, type, reason, latest, action, now, e, combined, count);
    const write = () => (e.name === '' ? create() : this.repeat(e, count, now, latest).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
      return create();
    }));
    this.pending = this.pending.then(write).catch((err: Error) => this.o.log?.(`event ${reason}: ${err.message}`));
  }

  flush(): Promise<void> {
    return this.pending;
  }

  /**
   * Writes a new event, with its count and the entry's first time (1 and now unless the spam
   * filter held the first ones back or the apiserver deleted the event); a combined one carries no reporting component or instance
   * (client-go's copy sets neither).
   */
  protected abstract first(obj: Obj, type: EventType, reason: string, message: string, action: string, now: number, entry: Seen, combined: boolean, count: number): Promise<void>;
  /** Counts a repeat; a combined event takes the latest message too (the observer's patch carries it). */
  protected abstract repeat(prior: Seen, count: number, now: number, message: string): Promise<void>;
}

export class CoreEventRecorder extends Recorder {
  protected override readonly aggregates = true;

  protected first(obj: Obj, type: EventType, reason: string, message: string, _action: string, now: number, entry: Seen, combined: boolean, count: number): Promise<void> {
    return this.create(obj, type, reason, message, '', now, entry, combined, count);
  }

  /** A new core/v1 Event about obj (a container of it with fieldPath), as client-go's recorder writes it. */
  protected async create(obj: Obj, type: EventType, reason: string, message: string, fieldPath: string, now: number, entry: EventEntry, combined: boolean, count: number): Promise<void> {
    const ns = obj.metadata.namespace || 'default';
    const source: Record<string, string> = { component: this.o.component };
    if (this.o.host) source.host = this.o.host;
    const ev = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name: eventName(obj, now), namespace: ns },
      involvedObject: { ...involvedObject(obj), ...(fieldPath ? { fieldPath } : {}) }, reason, message, source,
      firstTimestamp: rfc3339(entry.firstAt), lastTimestamp: rfc3339(now), count, type,
      eventTime: null, reportingComponent: combined ? '' : this.o.component, reportingInstance: combined ? '' : (this.o.host ?? ''),
    };
    const made = await this.client.create(REFS.events, ns, ev);
    entry.name = made.metadata.name ?? '';
  }

  protected async repeat(prior: Seen, count: number, now: number, message: string): Promise<void> {
    await this.client.patch(REFS.events, prior.ns, prior.name, 'application/merge-patch+json', { count, lastTimestamp: rfc3339(now), ...(message.startsWith(COMBINED_PREFIX) ? { message } : {}) });
  }
}

export class EventsV1Recorder extends Recorder {
  protected async first(obj: Obj, type: EventType, reason: string, note: string, action: string, now: number, entry: Seen): Promise<void> {
    const ns = obj.metadata.namespace || 'default';
    const ev = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event',
      metadata: { name: eventName(obj, now), namespace: ns },
      eventTime: micro(now), reportingController: this.o.component, reportingInstance: `${this.o.component}-${this.o.host ?? ''}`,
      action, reason, regarding: involvedObject(obj), note, type,
    };
    const made = await this.client.create(REFS.eventsV1, ns, ev);
    entry.name = made.metadata.name ?? '';
  }

  protected async repeat(prior: Seen, count: number, now: number): Promise<void> {
    await this.client.patch(REFS.eventsV1, prior.ns, prior.name, 'application/merge-patch+json', { series: { count, lastObservedTime: micro(now) } });
  }
}
