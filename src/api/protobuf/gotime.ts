// Go's time formatting for the self-marshaling meta/v1 types: metav1.Time (RFC3339, whole seconds,
// UTC) and metav1.MicroTime (RFC3339 with six fractional digits); Duration is client/go-duration.ts.
// Exact for any int64 seconds (days from the epoch are computed with Howard Hinnant's civil-from-days).

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** time.Unix(seconds, 0).UTC().Format(time.RFC3339), plus `.ffffff` when micros is given. */
export function formatRfc3339(seconds: bigint, micros?: number): string {
  const days = floorDiv(seconds, 86400n);
  const secs = Number(seconds - days * 86400n);
  const { y, m, d } = civil(Number(days));
  const clock = `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}`;
  const frac = micros === undefined ? '' : `.${pad(micros, 6)}`;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${clock}${frac}Z`;
}

/** time.Unix(sec, nsec) normalization, then the MicroTime text (nanoseconds truncated to micros). */
export function formatMicroTime(seconds: bigint, nanos: number): string {
  const truncated = nanos - (nanos % 1000); // Duration.Truncate(time.Microsecond): toward zero
  const carry = Math.floor(truncated / 1e9);
  return formatRfc3339(seconds + BigInt(carry), (truncated - carry * 1e9) / 1000);
}

