// printers.go's translateTimestampSince: the age of a metav1.Time (or MicroTime) in HumanDuration,
// "<unknown>" for a zero or missing time.
import type { KObject } from '../../api/types.js';
import { humanDuration } from '../duration.js';

/** Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time reports as IsZero. */
const GO_ZERO = new Date('0001-01-01T00:00:00Z').getTime();

/** Milliseconds since the epoch, or null for a missing, zero or unreadable timestamp. */
export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms <= GO_ZERO) return null;
  return ms;
}

/** HumanDuration(now - t), or "<unknown>" when t is zero. */
export function since(value: unknown, now: number): string {
  const t = parseTime(value);
  return t === null ? '<unknown>' : humanDuration(now - t);
}

/** The AGE cell: time since metadata.creationTimestamp. */
export function age(obj: KObject, now: number): string {
  return since(obj.metadata.creationTimestamp, now);
}

/** A Time formatted as Go's time.RFC3339 in UTC (whole seconds), the default table's Created At. */
export function rfc3339(value: unknown): string {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) return '0001-01-01T00:00:00Z';
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
