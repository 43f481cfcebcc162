// The log lines etcdctl writes on stderr: capnslog (pkg/flags, see shared/capnslog.ts) and zap
// JSON (clientv3).
export { capnslog } from '../../shared/capnslog.js';

/** A client instance id, as in `endpoint://client-<uuid>/...` targets (not node:crypto: startup time). */
export function clientId(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `client-${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

/** zap's JSON line; `ts` is ISO-8601 (clientv3 logger) or epoch seconds (etcd's default logger). */
/** zapcore.EpochTimeEncoder: float64(UnixNano) / 1e9, so the fraction goes below the millisecond. */
function epochSeconds(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1e6) / 1e9;
}

/** time.Duration.Seconds of a span measured in (fractional) milliseconds: whole ns, then seconds. */
export function durationSeconds(ms: number): number {
  const ns = Math.round(ms * 1e6);
  return Math.floor(ns / 1e9) + (ns % 1e9) / 1e9;
}

export function zapLine(level: string, caller: string, msg: string, fields: Record<string, unknown>, epochTs = false): string {
  const ts = epochTs ? epochSeconds() : new Date().toISOString();
  return `${JSON.stringify({ level, ts, caller, msg, ...fields })}\n`;
}

export function retryWarning(target: string, error: string): string {
  return zapLine('warn', 'clientv3/retry_interceptor.go:62', 'retrying of unary invoker failed', {
    target, attempt: 0, error,
  });
}
