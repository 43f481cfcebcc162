// Reading a bbolt file (etcd 3.4's backend and snapshot format) for `snapshot status`: hash
// (CRC-32C over bucket names, keys and values), revision (last key of bucket "key"), number of
// keys, size (high-water mark × page size); and one value, for restore to patch in place.
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import type { SnapshotStatus } from '../printers/types.js';
import CRC32C from 'crc-32/crc32c.js';

export const BOLT_MAGIC = 0xed0cdaed;
const BRANCH = 0x01;
const LEAF = 0x02;
const BUCKET_LEAF = 0x01;
const PAGE_HEADER = 16;

/** Incremental CRC-32C (crc-32's Castagnoli variant), unsigned. */
class Crc32c {
  private crc = 0;
  write(b: Buffer): void {
    this.crc = CRC32C.buf(b, this.crc);
  }
  sum(): number {
    return this.crc >>> 0;
  }
}

interface Entry { key: Buffer; value: Buffer; flags: number }

class BoltReader {
  constructor(private readonly data: Buffer, readonly pageSize: number) {}

  /** Leaf entries under the page at byte offset `at`, in key order. */
  entries(at: number): Entry[] {
    const flags = this.data.readUInt16LE(at + 8);
    const count = this.data.readUInt16LE(at + 10);
    const out: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const e = at + PAGE_HEADER + i * 16;
      if (flags & BRANCH) {
        out.push(...this.entries(Number(this.data.readBigUInt64LE(e + 8)) * this.pageSize));
      } else if (flags & LEAF) {
        const pos = this.data.readUInt32LE(e + 4);
        const ksize = this.data.readUInt32LE(e + 8);
        const vsize = this.data.readUInt32LE(e + 12);
        const key = this.data.subarray(e + pos, e + pos + ksize);
        out.push({ key, value: this.data.subarray(e + pos + ksize, e + pos + ksize + vsize), flags: this.data.readUInt32LE(e) });
      }
    }
    return out;
  }

  /** Entries of a bucket given its stored value (root pgid, sequence, optional inline page). */
  bucket(value: Buffer): Entry[] {
    const root = Number(value.readBigUInt64LE(0));
    if (root !== 0) return this.entries(root * this.pageSize);
    // a view, not a copy: restore patches values in place
    const inline = new BoltReader(value.subarray(16), this.pageSize);
    return inline.entries(0);
  }
}

function meta(data: Buffer, at: number): { root: number; pgid: number; txid: bigint } | null {
  if (data.length < at + 64 || data.readUInt32LE(at + 16) !== BOLT_MAGIC) return null;
  return { root: Number(data.readBigUInt64LE(at + 32)), pgid: Number(data.readBigUInt64LE(at + 56)), txid: data.readBigUInt64LE(at + 64) };
}

/** The reader and the root page of the newest valid meta page. */
function open(data: Buffer): { r: BoltReader; root: number; size: number } {
  const pageSize = data.readUInt32LE(24);
  const metas = [meta(data, 0), meta(data, pageSize)].filter((m) => m !== null);
  const m = metas.sort((a, b) => (a.txid < b.txid ? 1 : -1))[0];
  if (m === undefined) throw new ExitError(EXIT.error, 'invalid database');
  return { r: new BoltReader(data, pageSize), root: m.root * pageSize, size: m.pgid * pageSize };
}

/** A value of a top-level bucket, as a view into data (so it can be rewritten in place). */
export function boltValue(data: Buffer, bucket: string, key: string): Buffer | undefined {
  const { r, root } = open(data);
  const b = r.entries(root).find((e) => e.flags & BUCKET_LEAF && e.key.toString() === bucket);
  return b === undefined ? undefined : r.bucket(b.value).find((e) => e.key.toString() === key)?.value;
}

export function boltStatus(data: Buffer): SnapshotStatus {
  const { r, root, size } = open(data);
  const h = new Crc32c();
  let totalKey = 0;
  let revision = 0;
  for (const b of r.entries(root).filter((e) => e.flags & BUCKET_LEAF)) {
    h.write(b.key);
    for (const kv of r.bucket(b.value)) {
      h.write(kv.key);
      h.write(kv.value);
      if (b.key.toString() === 'key' && kv.key.length >= 8) revision = Number(kv.key.readBigInt64BE(0));
      totalKey++;
    }
  }
  return { hash: h.sum(), revision, totalKey, totalSize: size };
}
