// The types that marshal themselves, on the wire and in JSON (k8s.io/apimachinery):
//  @time         metav1.Time: Timestamp{seconds, nanos}; empty bytes are the zero time (JSON null);
//                nanoseconds are dropped (time_proto.go); JSON is RFC3339 in UTC
//  @microtime    metav1.MicroTime: the same, nanoseconds truncated to microseconds, RFC3339 + .ffffff
//  @duration     metav1.Duration{duration int64 ns}: JSON is Go's Duration.String()
//  @quantity     resource.Quantity{string}: parsed on decode (a bad one fails the decode); JSON is the
//                string (the apiserver's defaulting canonicalizes it as it does a JSON body's)
//  @intorstring  intstr.IntOrString{type, intVal, strVal}: JSON is the number or the string
//  @raw          runtime.RawExtension / metav1.FieldsV1 {raw bytes}: JSON is the embedded JSON
// Time, MicroTime and Quantity have hand-written Unmarshal methods that replace the value; the
// others are generated and merge a repeated occurrence into the value already decoded.
import { parseQuantity, QUANTITY_FORMAT_ERROR } from '../validation/quantity.js';
import { formatMicroTime, formatRfc3339 } from './gotime.js';
import { goDurationNs } from '../../client/go-duration.js';
import { fieldSpec, makeSpec, type MessageSpec } from './schema.js';
import { WireError } from './wire.js';

/** A decoded Go struct: field number → value. */
export type GoStruct = Map<number, unknown>;

export const SPECIAL_SPECS: Record<string, MessageSpec> = {
  '@time': makeSpec('Timestamp', [fieldSpec(['seconds', 1, 'int64', '']), fieldSpec(['nanos', 2, 'int32', ''])]),
  '@microtime': makeSpec('Timestamp', [fieldSpec(['seconds', 1, 'int64', '']), fieldSpec(['nanos', 2, 'int32', ''])]),
  '@duration': makeSpec('Duration', [fieldSpec(['duration', 1, 'int64', ''])]),
  '@quantity': makeSpec('Quantity', [fieldSpec(['string', 1, 'string', '', 'String_'])]),
  '@intorstring': makeSpec('IntOrString', [fieldSpec(['type', 1, 'int64', '']), fieldSpec(['intVal', 2, 'int32', '']), fieldSpec(['strVal', 3, 'string', ''])]),
  '@raw': makeSpec('RawExtension', [fieldSpec(['raw', 1, 'bytes', '', 'Raw'])]),
};

export const isSpecial = (type: string): boolean => type in SPECIAL_SPECS;

/** Whether a repeated occurrence replaces (hand-written Unmarshal) rather than merges. */
export const replaces = (type: string): boolean => type === '@time' || type === '@microtime' || type === '@quantity';

/**
 * The value a replacing type decodes to, given its decoded struct (undefined for empty bytes):
 * the JSON it marshals to, already final.
 */
export function replacingValue(type: string, struct: GoStruct | undefined): unknown {
  if (type === '@quantity') {
    const text = (struct?.get(1) as string | undefined) ?? '';
    if (struct?.has(1) && !parseQuantity(text)) throw new WireError(QUANTITY_FORMAT_ERROR);
    return struct?.has(1) ? text : '0';
  }
  if (!struct) return null;
  const seconds = (struct.get(1) as bigint | undefined) ?? 0n;
  if (type === '@time') return formatRfc3339(seconds);
  return formatMicroTime(seconds, (struct.get(2) as number | undefined) ?? 0);
}

/** The JSON of a special value (for replacing types, `value` is already JSON). */
export function specialJson(type: string, value: unknown): unknown {
  if (value === undefined) return specialZero(type);
  if (replaces(type)) return value;
  const struct = value as GoStruct;
  switch (type) {
    case '@duration':
      return goDurationNs((struct.get(1) as bigint | undefined) ?? 0n);
    case '@intorstring':
      return struct.get(1) === 1n ? ((struct.get(3) as string | undefined) ?? '') : ((struct.get(2) as number | undefined) ?? 0);
    default:
      return rawJson(struct.get(1) as Buffer | undefined);
  }
}

/** The JSON of a non-pointer special field that was not on the wire. */
export function specialZero(type: string): unknown {
  switch (type) {
    case '@duration':
      return '0s';
    case '@quantity':
      return '0';
    case '@intorstring':
      return 0;
    default:
      return null;
  }
}

function rawJson(raw: Buffer | undefined): unknown {
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (err) {
    throw new WireError(`json: error calling MarshalJSON for type runtime.RawExtension: ${(err as Error).message}`);
  }
}
