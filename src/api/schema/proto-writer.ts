// A protobuf wire writer, enough for the messages /openapi/v2 sends: varints (bool, int64), 64-bit
// doubles and length-delimited strings and messages. A message's fields are appended after a slot
// kept for its length, filled in once they are written.

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const EMPTY = Buffer.alloc(0);

/** A varint as protobuf writes it (negative values as their 64-bit two's complement). */
export function varintBytes(value: bigint): Buffer {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

export class ProtoWriter {
  private readonly parts: Buffer[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  private push(bytes: Buffer): void {
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private tag(field: number, wireType: number): void {
    this.push(varintBytes(BigInt((field << 3) | wireType)));
  }

  /** An int64 or bool field (negative numbers as ten-byte two's complement, as Go writes them). */
  varint(field: number, value: bigint | number | boolean): void {
    this.tag(field, VARINT);
    this.push(varintBytes(typeof value === 'bigint' ? value : BigInt(Number(value))));
  }

  double(field: number, value: number): void {
    this.tag(field, FIXED64);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    this.push(b);
  }

  string(field: number, value: string): void {
    this.bytes(field, Buffer.from(value, 'utf8'));
  }

  bytes(field: number, value: Buffer): void {
    this.tag(field, LENGTH_DELIMITED);
    this.push(varintBytes(BigInt(value.length)));
    this.push(value);
  }

  /** An embedded message: `write` appends its fields here, then its length fills the slot kept for it. */
  message(field: number, write: (w: ProtoWriter) => void): void {
    this.tag(field, LENGTH_DELIMITED);
    const slot = this.parts.length;
    this.parts.push(EMPTY);
    const start = this.size;
    write(this);
    const length = varintBytes(BigInt(this.size - start));
    this.parts[slot] = length;
    this.size += length.length;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
