// The wall clock as Go reads it, for a pod's age in `Metrics not available for pod …, age: 5m3.2s`.

/** The wall clock in nanoseconds, as Go's time.Now() reads it (to the microsecond here). */
export function wallClockNs(): bigint {
  return BigInt(Math.floor(performance.timeOrigin * 1000)) * 1000n + BigInt(Math.floor(performance.now() * 1_000_000));
}
