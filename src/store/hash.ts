// etcd's HashKV, reproduced over any backend's history: CRC-32C over the key bucket's name, then
// each kept revision's bbolt key (8-byte main revision, '_', 8-byte sub, 't' for a tombstone)
// followed by its mvccpb.KeyValue in protobuf encoding. The same history gives etcd's number.
import CRC32C from 'crc-32/crc32c.js';
import type { KeyValue } from './types.js';

export function revisionKey(rev: number, sub: number, tombstone: boolean): Buffer {
  const b = Buffer.alloc(tombstone ? 18 : 17);
  b.writeBigInt64BE(BigInt(rev), 0);
  b[8] = 0x5f; // '_'
  b.writeBigInt64BE(BigInt(sub), 9);
  if (tombstone) b[17] = 0x74; // 't'
  return b;
}

function varint(n: bigint, out: number[]): void {
  let v = BigInt.asUintN(64, n);
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

/** mvccpb.KeyValue wire encoding: key=1, create_revision=2, mod_revision=3, version=4, value=5, lease=6. */
export function encodeKeyValue(kv: KeyValue): Buffer {
  const parts: Buffer[] = [];
  const bytesField = (tag: number, b: Buffer): void => {
    if (b.length === 0) return;
    const head: number[] = [tag];
    varint(BigInt(b.length), head);
    parts.push(Buffer.from(head), b);
  };
  const intField = (tag: number, n: bigint): void => {
    if (n === 0n) return;
    const out: number[] = [tag];
    varint(n, out);
    parts.push(Buffer.from(out));
  };
  bytesField(0x0a, kv.key);
  intField(0x10, BigInt(kv.createRevision));
  intField(0x18, BigInt(kv.modRevision));
  intField(0x20, BigInt(kv.version));
  bytesField(0x2a, kv.value);
  intField(0x30, kv.lease);
  return Buffer.concat(parts);
}

/** Incremental CRC-32C, unsigned. */
export class Crc32c {
  private state = 0;
  update(b: Buffer | string): this {
    this.state = typeof b === 'string' ? CRC32C.str(b, this.state) : CRC32C.buf(b, this.state);
    return this;
  }
  digest(): number {
    return this.state >>> 0;
  }
}
