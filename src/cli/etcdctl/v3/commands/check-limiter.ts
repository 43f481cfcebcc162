// golang.org/x/time/rate's token bucket as `check perf` drives it: rate.NewLimiter(limit, 1) and
// Wait(ctx) with a deadline. The bucket starts full; each Wait takes a token, sleeping until it is
// due, and fails without taking one when it would only be due after the deadline. A late wake-up
// is made up by the next wait (the debt is kept), so timer granularity does not lower the rate.

export interface LimiterDeps {
  /** monotonic milliseconds */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** setTimeout for waits of a millisecond or more, setImmediate below (high rates). */
export function defaultLimiterDeps(): LimiterDeps {
  return {
    now: () => performance.now(),
    sleep: (ms) => new Promise((done) => (ms >= 1 ? setTimeout(done, ms) : setImmediate(done))),
  };
}

export class Limiter {
  private tokens: number;
  private last: number | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly deps: LimiterDeps = defaultLimiterDeps(),
  ) {
    this.tokens = burst;
  }

  /** Tokens at `now`: what was left plus what accrued since, at most a full bucket. */
  private advance(now: number): number {
    if (this.last === undefined) return this.burst;
    const elapsed = Math.max(0, now - this.last);
    return Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
  }

  /** Takes a token, waiting for it; false (nothing taken) when it is due after `deadline`. */
  async wait(deadline: number): Promise<boolean> {
    const now = this.deps.now();
    if (now >= deadline) return false;
    const tokens = this.advance(now) - 1;
    const delay = tokens < 0 ? (-tokens * 1000) / this.perSecond : 0;
    if (now + delay > deadline) return false;
    this.last = now;
    this.tokens = tokens;
    if (delay > 0) await this.deps.sleep(delay);
    return true;
  }
}
