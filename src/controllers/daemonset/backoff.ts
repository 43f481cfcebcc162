// flowcontrol.Backoff as the daemonset controller uses it for failed pods: per key, 1 s
// doubling to 15 min, reset once a key has been quiet for twice the maximum.
const INITIAL_MS = 1000;
const MAX_MS = 15 * 60_000;

export class FailedPodsBackoff {
  private readonly entries = new Map<string, { delay: number; last: number }>();

  get(key: string): number {
    return this.entries.get(key)?.delay ?? 0;
  }

  inBackoffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    return !!e && now - e.last < e.delay;
  }

  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || now - e.last > 2 * MAX_MS) this.entries.set(key, { delay: INITIAL_MS, last: now });
    else this.entries.set(key, { delay: Math.min(e.delay * 2, MAX_MS), last: now });
  }
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : NaN;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}
