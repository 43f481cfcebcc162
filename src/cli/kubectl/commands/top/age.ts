// Go's time.Duration.String() for a pod's age in `Metrics not available for pod …, age: 5m3.2s`.

/** Duration.String() of a whole number of nanoseconds (non-negative). */
export function goDurationNs(ns: bigint): string {
  if (ns === 0n) return '0s';
  if (ns < 1000n) return `${ns}ns`;
  if (ns < 1_000_000n) return `${fraction(ns, 1000n)}µs`;
  if (ns < 1_000_000_000n) return `${fraction(ns, 1_000_000n)}ms`;
  const h = ns / 3_600_000_000_000n;
  const m = (ns / 60_000_000_000n) % 60n;
  const s = `${fraction(ns % 60_000_000_000n, 1_000_000_000n)}s`;
  if (h > 0n) return `${h}h${m}m${s}`;
  return m > 0n ? `${m}m${s}` : s;
}

/** n/unit with the fractional digits Go keeps (trailing zeros dropped). */
function fraction(n: bigint, unit: bigint): string {
  const whole = n / unit;
  const rest = n % unit;
  if (rest === 0n) return `${whole}`;
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** The wall clock in nanoseconds, as Go's time.Now() reads it (to the microsecond here). */
export function wallClockNs(): bigint {
  return BigInt(Math.floor(performance.timeOrigin * 1000)) * 1000n + BigInt(Math.floor(performance.now() * 1_000_000));
}
