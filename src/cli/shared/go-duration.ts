// Go's time.ParseDuration (milliseconds here) and its error texts, and Duration.String(), for the
// Go CLIs we copy.
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

function seconds(ms: number): string {
  const s = (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${s}s`;
}

/** time.Duration.String() of a millisecond duration (`10s`, `1m30s`, `500ms`, `1h0m0s`, `1.5s`). */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return `-${goDurationString(-ms)}`;
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = seconds(ms % 60_000);
  if (h > 0) return `${h}h${m}m${rest}`;
  if (m > 0) return `${m}m${rest}`;
  return rest;
}
