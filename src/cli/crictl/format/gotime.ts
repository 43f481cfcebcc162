// Go's time formatting for int64 nanosecond timestamps: RFC3339Nano (trailing zeros trimmed) and
// time.Time.String() ("2024-12-06 10:16:33.123456789 +0000 UTC"), in local time.

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function parts(nanos: bigint): { d: Date; frac: string } {
  const ms = Number(nanos / 1000000n);
  const sub = ((nanos % 1000000000n) + 1000000000n) % 1000000000n;
  return { d: new Date(ms), frac: sub === 0n ? '' : `.${pad(Number(sub), 9).replace(/0+$/, '')}` };
}

function offset(d: Date, colon: boolean): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${sign}${pad(Math.floor(Math.abs(off) / 60))}${colon ? ':' : ''}${pad(Math.abs(off) % 60)}`;
}

function dateTime(d: Date, sep: string): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}${sep}${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export const ZERO_TIME_RFC3339 = '0001-01-01T00:00:00Z';

/** time.Unix(0, n).Format(time.RFC3339Nano). */
export function rfc3339Nano(nanos: string | bigint): string {
  const { d, frac } = parts(BigInt(nanos || 0));
  const zone = d.getTimezoneOffset() === 0 ? 'Z' : offset(d, true);
  return `${dateTime(d, 'T')}${frac}${zone}`;
}

function zoneName(d: Date): string {
  if (d.getTimezoneOffset() === 0) return 'UTC';
  const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,5}$/.test(name) ? name : offset(d, false);
}

/** fmt's %v of time.Unix(0, n). */
export function goTimeString(nanos: string | bigint): string {
  const { d, frac } = parts(BigInt(nanos || 0));
  return `${dateTime(d, ' ')}${frac} ${offset(d, false)} ${zoneName(d)}`;
}
