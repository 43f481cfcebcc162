// A protobuf writer for the few gogoproto messages a restored data dir holds (raftpb, walpb,
// snappb, etcdserverpb.Metadata). gogoproto's non-nullable scalars are written even when zero,
// so callers say which fields to write; nothing is skipped here.
export class ProtoWriter {
  private readonly parts: Buffer[] = [];

  /** A varint field (wire type 0); negative numbers as their 64-bit two's complement. */
  uint(field: number, value: bigint | number): this {
    this.parts.push(varint(BigInt(field << 3)), varint(BigInt(value)));
    return this;
  }

  /** A length-delimited field (wire type 2): bytes, strings, embedded messages. */
  bytes(field: number, value: Buffer): this {
    this.parts.push(varint(BigInt((field << 3) | 2)), varint(BigInt(value.length)), value);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export function varint(n: bigint): Buffer {
  const out: number[] = [];
  let v = BigInt.asUintN(64, n);
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}
