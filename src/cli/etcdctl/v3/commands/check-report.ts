// The statistics of etcd's pkg/report that the checks print: requests per second over the time
// from the start of collection until the last result, the slowest request, the population
// standard deviation of the latencies (seconds; failed requests count only in the error
// distribution, keyed by the error's text).

export interface Stats {
  /** successful requests per second */
  rps: number;
  /** seconds; 0 without a success */
  slowest: number;
  fastest: number;
  /** seconds; NaN without a success */
  average: number;
  stddev: number;
  /** successful requests */
  count: number;
  /** error text → occurrences, in order of first occurrence */
  errorDist: Map<string, number>;
}

export class Report {
  private began = 0;
  private readonly lats: number[] = [];
  private readonly errors = new Map<string, number>();

  /** @param now monotonic nanoseconds */
  constructor(private readonly now: () => number = () => performance.now() * 1e6) {}

  /** Collection starts (report.Stats()). */
  begin(): void {
    this.began = this.now();
  }

  /** One request's outcome; start and end in the clock's nanoseconds. */
  add(start: number, end: number, err?: string): void {
    if (err !== undefined) {
      this.errors.set(err, (this.errors.get(err) ?? 0) + 1);
      return;
    }
    this.lats.push((end - start) / 1e9);
  }

  /** The results are all in (the results channel is closed). */
  stats(): Stats {
    const total = (this.now() - this.began) / 1e9;
    const n = this.lats.length;
    let sum = 0;
    let slowest = 0;
    let fastest = n > 0 ? Infinity : 0;
    for (const l of this.lats) {
      sum += l;
      if (l > slowest) slowest = l;
      if (l < fastest) fastest = l;
    }
    const average = sum / n;
    let dev = 0;
    for (const l of this.lats) dev += (l - average) * (l - average);
    return { rps: n / total, slowest, fastest, average, stddev: Math.sqrt(dev / n), count: n, errorDist: this.errors };
  }
}
