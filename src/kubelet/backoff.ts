// client-go's flowcontrol.Backoff as the kubelet uses it for crash loops and image pulls: 10 s
// doubling to 5 min per key; an entry untouched for twice the maximum (10 min) starts over.

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry { backoff: number; lastUpdate: number }

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number, private readonly initial = BACKOFF_INITIAL_MS, private readonly max = BACKOFF_MAX_MS) {}

  private expired(e: Entry, at: number): boolean {
    return at - e.lastUpdate > this.max * 2;
  }

  /** The current back-off of key, ms (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** Moves key to its next back-off, measured from eventTime. */
  next(key: string, eventTime: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(e, eventTime)) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: eventTime });
      return;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = eventTime;
  }

  /** Whether key is still backing off from eventTime (a container's finishedAt). */
  isInBackOffSince(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, this.now())) return false;
    return this.now() - eventTime < e.backoff;
  }

  /** Whether key is still backing off from its last update (image pulls). */
  isInBackOffSinceUpdate(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, eventTime)) return false;
    return eventTime - e.lastUpdate < e.backoff;
  }

  /** When the back-off of key, measured from its last update, ends. */
  untilUpdate(key: string): number {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.backoff : 0;
  }

  /** When the back-off of key measured from eventTime ends. */
  until(key: string, eventTime: number): number {
    return eventTime + this.get(key);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

