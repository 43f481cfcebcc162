// time.Duration.String() for the millisecond durations drain prints (`10s`, `1m30s`, `500ms`,
// `1h0m0s`, `1.5s`).
function seconds(ms: number): string {
  const s = (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${s}s`;
}

export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = seconds(ms % 60_000);
  if (h > 0) return `${h}h${m}m${rest}`;
  if (m > 0) return `${m}m${rest}`;
  return rest;
}
