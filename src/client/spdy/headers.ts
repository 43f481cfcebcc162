// SPDY/3 header blocks: a 32-bit count, then each name and value with a 32-bit length before it
// (names lower-case, several values of one name joined by NUL), compressed with zlib and the
// SPDY/3 dictionary as one stream per direction that lasts as long as the connection.
//
// Sending, the block goes out as a deflate *stored* block (BFINAL 0, BTYPE 00, LEN, NLEN, the
// bytes) followed by the empty stored block of a sync flush (00 00 00 ff ff): valid zlib that any
// inflater with the dictionary reads, sync, and in the order frames are written. The empty block
// matters: Go's flate hands out a stored block's bytes only when the next block header is there to
// read, and would otherwise read past the frame's end and fail the connection's next header block. Receiving needs a real inflater: a peer such as Go's
// spdystream compresses at best compression with a sync flush after each block.
import { constants, createInflate, type Inflate } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary.js';

export type HeaderMap = Record<string, string>;

/** Adler-32 (RFC 1950), the zlib dictionary ID. */
export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export function encodeHeaderBlock(headers: HeaderMap): Buffer {
  const entries = Object.entries(headers);
  const parts: Buffer[] = [u32(entries.length)];
  for (const [name, value] of entries) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(value, 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

/** The names (lower-cased) and values of a decompressed block; several values of a name stay NUL-joined. */
export function decodeHeaderBlock(block: Buffer): HeaderMap {
  const out: HeaderMap = {};
  let at = 0;
  const take = (): Buffer => {
    if (at + 4 > block.length) throw new Error('truncated header block');
    const len = block.readUInt32BE(at);
    if (at + 4 + len > block.length) throw new Error('truncated header block');
    const b = block.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return b;
  };
  if (block.length < 4) throw new Error('truncated header block');
  const count = block.readUInt32BE(0);
  at = 4;
  for (let i = 0; i < count; i++) {
    const name = take().toString('utf8').toLowerCase();
    out[name] = take().toString('utf8');
  }
  return out;
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** zlib header: deflate, 32K window, FDICT set, check bits so that CMF·256+FLG is a multiple of 31. */
const ZLIB_HEADER = Buffer.from([0x78, 0xbb]);
const MAX_STORED = 0xffff;
/** An empty non-final stored block: what a zlib sync flush ends with. */
const SYNC_MARKER = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);

/** One direction's compressor: the zlib header (and dictionary ID) before the first block. */
export class HeaderCompressor {
  private started = false;

  compress(headers: HeaderMap): Buffer {
    const raw = encodeHeaderBlock(headers);
    const parts: Buffer[] = [];
    if (!this.started) {
      parts.push(ZLIB_HEADER, u32(adler32(SPDY3_DICTIONARY)));
      this.started = true;
    }
    // A block always holds its 4-byte count, so there is at least one piece.
    for (let at = 0; at < raw.length; at += MAX_STORED) {
      const piece = raw.subarray(at, at + MAX_STORED);
      const lens = Buffer.alloc(5);
      lens.writeUInt16LE(piece.length, 1);
      lens.writeUInt16LE(~piece.length & 0xffff, 3);
      parts.push(lens, piece);
    }
    parts.push(SYNC_MARKER);
    return Buffer.concat(parts);
  }
}

/** One direction's decompressor; blocks must be given in the order they arrived. */
export class HeaderDecompressor {
  private readonly z: Inflate = createInflate({ dictionary: SPDY3_DICTIONARY });
  private failure: Error | undefined;

  constructor() {
    this.z.on('error', (err) => (this.failure = err));
  }

  decompress(block: Buffer): Promise<HeaderMap> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const out: Buffer[] = [];
      const onData = (d: Buffer) => out.push(d);
      const onError = (err: Error) => finish(err);
      const finish = (err?: Error) => {
        this.z.off('data', onData);
        this.z.off('error', onError);
        if (err) return reject(err);
        try {
          resolve(decodeHeaderBlock(Buffer.concat(out)));
        } catch (e) {
          reject(e as Error);
        }
      };
      this.z.on('data', onData);
      this.z.once('error', onError);
      this.z.write(block);
      // Output is pushed before the flush's callback; setImmediate lets queued 'data' events run first.
      this.z.flush(constants.Z_SYNC_FLUSH, () => setImmediate(() => finish(this.failure)));
    });
  }

  close(): void {
    this.z.close();
  }
}
