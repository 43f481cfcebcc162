// Decodes a message's bytes into a Go-shaped value (GoStruct: field number → value) the way the
// gogo-generated Unmarshal methods do: known fields checked for their wire type, unknown fields
// skipped, a singular message seen twice merged, repeated fields appended (packed or not), map
// entries inserted with zero-valued defaults for a missing key or value.
// Values: string, boolean, number (int32/uint32/float), bigint (int64/uint64), Buffer (bytes),
// GoStruct (messages), unknown[] (repeated), Map<string, unknown> (maps), JSON (Time, Quantity).
import { messageSpec, type FieldSpec, type MessageSpec } from './schema.js';
import { isSpecial, replaces, replacingValue, SPECIAL_SPECS, type GoStruct } from './special.js';
import { WireError, WireReader } from './wire.js';

const VARINT = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool', 'enum']);
const FIXED64 = new Set(['fixed64', 'sfixed64', 'double']);
const FIXED32 = new Set(['fixed32', 'sfixed32', 'float']);

export function specOf(type: string): MessageSpec {
  return SPECIAL_SPECS[type] ?? messageSpec(type);
}

const isMessage = (type: string): boolean => type.includes('.') || isSpecial(type);

function wireTypeOf(type: string): number {
  if (VARINT.has(type)) return 0;
  if (FIXED64.has(type)) return 1;
  if (FIXED32.has(type)) return 5;
  return 2;
}

/** A scalar of a proto type, read with Go's conversions (int32 keeps the low 32 bits, ...). */
function scalar(r: WireReader, type: string): unknown {
  switch (type) {
    case 'string':
      return r.bytes().toString('utf8');
    case 'bytes':
      return Buffer.from(r.bytes());
    case 'bool':
      return r.varint() !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, r.varint()));
    case 'uint32':
      return Number(BigInt.asUintN(32, r.varint()));
    case 'int64':
      return BigInt.asIntN(64, r.varint());
    case 'uint64':
      return r.varint();
    case 'sint32':
    case 'sint64': {
      const v = r.varint();
      const z = (v >> 1n) ^ -(v & 1n);
      return type === 'sint32' ? Number(BigInt.asIntN(32, z)) : BigInt.asIntN(64, z);
    }
    case 'double':
      return r.fixed(8).readDoubleLE();
    case 'float':
      return r.fixed(4).readFloatLE();
    default:
      throw new Error(`protobuf type ${type} is not supported`);
  }
}

/** A message-typed value: a fresh struct, merged into `into`, or a replacing type's JSON. */
function message(buf: Buffer, type: string, into?: unknown): unknown {
  if (replaces(type)) return replacingValue(type, buf.length ? decodeStruct(buf, specOf(type)) : undefined);
  return decodeStruct(buf, specOf(type), into instanceof Map ? (into as GoStruct) : new Map());
}

function value(r: WireReader, type: string, into?: unknown): unknown {
  return isMessage(type) ? message(r.bytes(), type, into) : scalar(r, type);
}

/** A map value's zero, for an entry that has no value field. */
function zeroEntryValue(type: string): unknown {
  if (type === 'bytes') return Buffer.alloc(0);
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (!isMessage(type)) return wireTypeOf(type) === 0 && type.endsWith('64') ? 0n : 0;
  return replaces(type) ? replacingValue(type, undefined) : new Map();
}

function mapEntry(buf: Buffer, f: FieldSpec): [string, unknown] {
  const r = new WireReader(buf);
  let key = '';
  let val: unknown;
  while (!r.done) {
    const start = r.pos;
    const tag = r.tag();
    if (tag.num === 1) key = r.bytes().toString('utf8');
    else if (tag.num === 2) val = value(r, f.type);
    else r.skipFrom(start);
  }
  return [key, val === undefined ? zeroEntryValue(f.type) : val];
}

function repeated(r: WireReader, f: FieldSpec, wireType: number, list: unknown[]): void {
  const elemWire = wireTypeOf(f.type);
  if (elemWire !== 2 && wireType === 2) {
    const packed = new WireReader(r.bytes());
    while (!packed.done) list.push(scalar(packed, f.type));
    return;
  }
  if (wireType !== elemWire) throw new WireError(`proto: wrong wireType = ${wireType} for field ${f.goName}`);
  list.push(value(r, f.type));
}

function field(r: WireReader, f: FieldSpec, wireType: number, struct: GoStruct): void {
  if (f.map) {
    if (wireType !== 2) throw new WireError(`proto: wrong wireType = ${wireType} for field ${f.goName}`);
    const [k, v] = mapEntry(r.bytes(), f);
    const map = (struct.get(f.num) as Map<string, unknown> | undefined) ?? new Map<string, unknown>();
    struct.set(f.num, map.set(k, v));
    return;
  }
  if (f.repeated) {
    const list = (struct.get(f.num) as unknown[] | undefined) ?? [];
    struct.set(f.num, list);
    repeated(r, f, wireType, list);
    return;
  }
  if (wireType !== wireTypeOf(f.type)) throw new WireError(`proto: wrong wireType = ${wireType} for field ${f.goName}`);
  struct.set(f.num, value(r, f.type, struct.get(f.num)));
}

/** Decodes one message's bytes into `into` (a new struct by default). */
export function decodeStruct(buf: Buffer, spec: MessageSpec, into: GoStruct = new Map()): GoStruct {
  const r = new WireReader(buf);
  while (!r.done) {
    const start = r.pos;
    const tag = r.tag();
    if (tag.wireType === 4) throw new WireError(`proto: ${spec.name}: wiretype end group for non-group`);
    if (tag.num <= 0) throw new WireError(`proto: ${spec.name}: illegal tag ${tag.num} (wire type ${tag.raw})`);
    const f = spec.byNum.get(tag.num);
    if (f) field(r, f, tag.wireType, into);
    else r.skipFrom(start);
  }
  return into;
}
