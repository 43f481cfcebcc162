// Go's time.ParseDuration (milliseconds here) and its error texts, and Duration.String(), for the
// Go programs we copy (CLIs, the kubelet's messages, the apiserver's duration fields).
export function parseDuration(input: string): number | null {
  const sign = input.startsWith('-') ? -1 : 1;
  const text = input.startsWith('-') || input.startsWith('+') ? input.slice(1) : input;
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * units[m[2]!]!;
    at = re.lastIndex;
  }
  return at === text.length && at > 0 ? sign * total : null;
}

/** time.ParseDuration's error for text it rejects. */
export function durationError(raw: string): string {
  const q = JSON.stringify(raw);
  const m = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/.exec(raw);
  if (m === null) return `time: invalid duration ${q}`;
  if (m[2] === '') return `time: missing unit in duration ${q}`;
  return `time: unknown unit ${JSON.stringify(m[2])} in duration ${q}`;
}

/** The fraction of v/10**prec without trailing zeros (Go's fmtFrac); [text, v / 10**prec]. */
function frac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print ||= digit !== 0n;
    if (print) digits = `${digit}${digits}`;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/** time.Duration(nanoseconds).String(): "1h2m3.5s", "150ms", "1.5µs", "0s". */
export function goDurationNs(nanoseconds: bigint): string {
  const neg = nanoseconds < 0n;
  let u = BigInt.asUintN(64, neg ? -nanoseconds : nanoseconds);
  let out: string;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    const [fraction, whole] = frac(u, prec);
    out = `${whole}${fraction}${unit}`;
  } else {
    const [fraction, secs] = frac(u, 9);
    u = secs;
    out = `${u % 60n}${fraction}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** time.Duration.String() of a duration in milliseconds, to the nanosecond (`10s`, `1m30s`, `3.059482ms`). */
export function goDuration(ms: number): string {
  return goDurationNs(BigInt(Math.round(ms * 1e6)));
}
