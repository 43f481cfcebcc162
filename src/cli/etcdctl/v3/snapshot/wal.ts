// etcd 3.4's write-ahead log encoding (wal/encoder.go): each walpb.Record (Type, Crc, Data) is
// framed by a little-endian uint64 length whose top byte flags and counts the zero padding to
// 8 bytes; Crc is a CRC-32C running over the data of every record so far.
import CRC32C from 'crc-32/crc32c.js';
import { ProtoWriter } from './proto.js';

export const RECORD = { metadata: 1, entry: 2, state: 3, crc: 4, snapshot: 5 } as const;
/** wal.SegmentSizeBytes: a WAL file is preallocated to this size. */
export const SEGMENT_SIZE = 64 * 1000 * 1000;

export class WalEncoder {
  private crc = 0;
  private readonly frames: Buffer[] = [];

  /** Appends one record; data undefined leaves the Data field out (a crc record). */
  encode(type: number, data?: Buffer): this {
    if (data !== undefined) this.crc = CRC32C.buf(data, this.crc) >>> 0;
    const rec = new ProtoWriter().uint(1, type).uint(2, this.crc);
    if (data !== undefined) rec.bytes(3, data);
    this.frames.push(frame(rec.finish()));
    return this;
  }

  bytes(): Buffer {
    return Buffer.concat(this.frames);
  }
}

function frame(rec: Buffer): Buffer {
  const pad = (8 - (rec.length % 8)) % 8;
  const head = Buffer.alloc(8);
  head.writeBigUInt64LE(BigInt(rec.length) | (pad === 0 ? 0n : BigInt(0x80 | pad) << 56n));
  return Buffer.concat([head, rec, Buffer.alloc(pad)]);
}
