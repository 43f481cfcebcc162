// The keys of both checks: the prefix, then a fixed-size buffer that starts zeroed and into whose
// head binary.PutVarint writes a random non-negative int63 for each key. The buffer is reused, so
// bytes of an earlier, longer varint stay behind a shorter one, as in etcdctl.
import { randomFillSync } from 'node:crypto';

const MAX_INT64 = (1n << 63n) - 1n;
const U64 = (1n << 64n) - 1n;

/** encoding/binary.PutVarint: zig-zag, then 7 bits a byte, low first. Returns bytes written. */
export function putVarint(buf: Buffer, x: bigint): number {
  let ux = (x << 1n) & U64;
  if (x < 0n) ux = ~ux & U64;
  let i = 0;
  while (ux >= 0x80n) {
    buf[i++] = Number(ux & 0x7fn) | 0x80;
    ux >>= 7n;
  }
  buf[i++] = Number(ux);
  return i;
}

/** Random bytes drawn 8 KiB at a time (one getrandom call per 1024 keys). */
export class RandomPool {
  private readonly buf = Buffer.alloc(8192);
  private at = this.buf.length;

  /** math/rand's Int63n(math.MaxInt64): uniform in [0, 2^63 - 1). */
  int63(): bigint {
    for (;;) {
      if (this.at === this.buf.length) {
        randomFillSync(this.buf);
        this.at = 0;
      }
      const v = this.buf.readBigUInt64BE(this.at) & MAX_INT64;
      this.at += 8;
      if (v < MAX_INT64) return v;
    }
  }
}

export class KeyMaker {
  private readonly prefix: Buffer;
  private readonly buf: Buffer;

  constructor(prefix: string, size: number, private readonly next63: () => bigint = poolInt63()) {
    this.prefix = Buffer.from(prefix);
    this.buf = Buffer.alloc(size);
  }

  next(): Buffer {
    putVarint(this.buf, this.next63());
    return Buffer.concat([this.prefix, this.buf]);
  }
}

function poolInt63(): () => bigint {
  const pool = new RandomPool();
  return () => pool.int63();
}
