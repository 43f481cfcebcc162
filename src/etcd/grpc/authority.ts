// grpc-go sends its dial target's authority as :authority. etcd 3.4's clientv3 dials a single
// endpoint's maintenance calls (endpoint status and hashkv, defrag, move-leader) with the endpoint
// as written, so `--endpoints=http://127.0.0.1:2379` sends `:authority: http://127.0.0.1:2379`.
// grpc-go's server takes it; nghttp2, under Node's HTTP/2, refuses it ('/' is no authority
// character) and resets the stream with PROTOCOL_ERROR. So a plain-HTTP client connection is read
// through AuthorityFix: in a HEADERS frame, a literal :authority value holding '/' gets each '/'
// replaced by '.'. The value keeps its length, so the HPACK dynamic tables of the client and of
// our server stay in step (an entry's size is its name's and value's lengths), and later requests
// that refer to the entry by index need no change. Nothing else in the stream is touched.
import { Duplex } from 'node:stream';
import type net from 'node:net';

const PREFACE_LENGTH = 24;
const FRAME_HEADER = 9;
const HEADERS = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY = 0x20;
/** HPACK's static table index of :authority */
const AUTHORITY_INDEX = 1;

/** RFC 7541 Appendix B's code lengths, by symbol (0-255); the code is canonical, so they are all it takes. */
const CODE_LENGTHS = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
  13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
  15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
  20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
  22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
  26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
  20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
];

let decodeTable: Map<number, number> | undefined;

/** Canonical codes from the lengths: by length, then symbol, counting up. Keyed `length * 2^30 + code`. */
export function huffmanCodes(): Map<number, number> {
  if (decodeTable) return decodeTable;
  const order = CODE_LENGTHS.map((len, sym) => ({ len, sym })).sort((a, b) => a.len - b.len || a.sym - b.sym);
  const table = new Map<number, number>();
  let code = 0;
  let len = order[0]!.len;
  for (const s of order) {
    code *= 2 ** (s.len - len);
    len = s.len;
    table.set(len * 2 ** 30 + code, s.sym);
    code += 1;
  }
  decodeTable = table;
  return table;
}

/** A Huffman-coded string's bytes, or undefined if they are not a valid code. */
export function huffmanDecode(data: Buffer): Buffer | undefined {
  const table = huffmanCodes();
  const out: number[] = [];
  let code = 0;
  let len = 0;
  for (const byte of data) {
    for (let bit = 7; bit >= 0; bit--) {
      code = code * 2 + ((byte >> bit) & 1);
      len += 1;
      const sym = table.get(len * 2 ** 30 + code);
      if (sym !== undefined) {
        out.push(sym);
        code = 0;
        len = 0;
      } else if (len > 30) return undefined;
    }
  }
  // the padding: fewer than 8 bits, all ones (a prefix of EOS)
  if (len >= 8 || code !== 2 ** len - 1) return undefined;
  return Buffer.from(out);
}

/** An HPACK integer with an n-bit prefix at `at`: its value and where it ends. */
function readInt(b: Buffer, at: number, n: number): [number, number] | undefined {
  if (at >= b.length) return undefined;
  const max = 2 ** n - 1;
  let value = b[at]! & max;
  let i = at + 1;
  if (value < max) return [value, i];
  for (let shift = 0; ; shift += 7) {
    if (i >= b.length || shift > 28) return undefined;
    const byte = b[i++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i];
  }
}

/** An HPACK string literal at `at`: its decoded bytes and where it ends. */
function readString(b: Buffer, at: number): [Buffer, number] | undefined {
  const n = readInt(b, at, 7);
  if (n === undefined || n[1] + n[0] > b.length) return undefined;
  const raw = b.subarray(n[1], n[1] + n[0]);
  const value = (b[at]! & 0x80) !== 0 ? huffmanDecode(raw) : raw;
  return value === undefined ? undefined : [value, n[1] + n[0]];
}

/** `s` as a string literal without Huffman coding. */
function rawString(s: Buffer): Buffer {
  const len: number[] = [];
  if (s.length < 0x7f) len.push(s.length);
  else {
    len.push(0x7f);
    let rest = s.length - 0x7f;
    while (rest >= 0x80) {
      len.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    len.push(rest);
  }
  return Buffer.concat([Buffer.from(len), s]);
}

/** A header block with each literal :authority value's '/' made '.', or undefined if unchanged. */
export function fixHeaderBlock(block: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let copied = 0;
  let i = 0;
  while (i < block.length) {
    const first = block[i]!;
    if (first & 0x80) { // indexed field
      const n = readInt(block, i, 7);
      if (!n) return undefined;
      i = n[1];
      continue;
    }
    if ((first & 0xe0) === 0x20) { // dynamic table size update
      const n = readInt(block, i, 5);
      if (!n) return undefined;
      i = n[1];
      continue;
    }
    // a literal: with incremental indexing (6-bit name index) or without / never indexed (4-bit)
    const index = readInt(block, i, (first & 0xc0) === 0x40 ? 6 : 4);
    if (!index) return undefined;
    i = index[1];
    let authority = index[0] === AUTHORITY_INDEX;
    if (index[0] === 0) {
      const name = readString(block, i);
      if (!name) return undefined;
      authority = name[0].toString('latin1') === ':authority';
      i = name[1];
    }
    const valueAt = i;
    const value = readString(block, i);
    if (!value) return undefined;
    i = value[1];
    if (authority && value[0].includes(0x2f)) {
      parts.push(block.subarray(copied, valueAt), rawString(Buffer.from(value[0].toString('latin1').replaceAll('/', '.'), 'latin1')));
      copied = i;
    }
  }
  if (copied === 0) return undefined;
  parts.push(block.subarray(copied));
  return Buffer.concat(parts);
}

/** A HEADERS frame (whole, with END_HEADERS) with its block fixed, without padding; or the frame itself. */
function fixHeadersFrame(frame: Buffer): Buffer {
  const flags = frame[4]!;
  if ((flags & END_HEADERS) === 0) return frame;
  let at = FRAME_HEADER;
  const pad = flags & PADDED ? frame[at++]! : 0;
  const priority = flags & PRIORITY ? frame.subarray(at, at + 5) : Buffer.alloc(0);
  at += priority.length;
  if (at > frame.length - pad) return frame;
  const block = fixHeaderBlock(frame.subarray(at, frame.length - pad));
  if (!block) return frame;
  const length = priority.length + block.length;
  if (length > 16384) return frame; // the smallest SETTINGS_MAX_FRAME_SIZE a server may have
  const header = Buffer.from(frame.subarray(0, FRAME_HEADER));
  header.writeUIntBE(length, 0, 3);
  header[4] = flags & ~PADDED;
  return Buffer.concat([header, priority, block]);
}

/** The client's side of an HTTP/2 connection, frame by frame, with HEADERS frames fixed. */
export class AuthorityRewriter {
  private pending = Buffer.alloc(0);
  private prefaceLeft = PREFACE_LENGTH;

  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.prefaceLeft > 0) {
      const n = Math.min(this.prefaceLeft, data.length);
      out.push(data.subarray(0, n));
      this.prefaceLeft -= n;
      data = data.subarray(n);
    }
    let at = 0;
    let passFrom = 0;
    while (data.length - at >= FRAME_HEADER) {
      const end = at + FRAME_HEADER + data.readUIntBE(at, 3);
      if (end > data.length) break;
      if (data[at + 3] === HEADERS) {
        const frame = data.subarray(at, end);
        const fixed = fixHeadersFrame(frame);
        if (fixed !== frame) {
          if (at > passFrom) out.push(data.subarray(passFrom, at));
          out.push(fixed);
          passFrom = end;
        }
      }
      at = end;
    }
    if (at > passFrom) out.push(data.subarray(passFrom, at));
    this.pending = Buffer.from(data.subarray(at));
    return out;
  }
}

/** `socket` (a plain-HTTP/2 client connection) as a stream whose reads pass through AuthorityRewriter. */
export function withAuthorityFix(socket: net.Socket): Duplex {
  const rewriter = new AuthorityRewriter();
  // what node:http2 does to a socket it is given (a wrapped one is not a net.Socket to it): without
  // it, each response waits on the client's delayed ACK
  socket.setNoDelay(true);
  const duplex = new Duplex({
    read: () => { socket.resume(); },
    write: (chunk: Buffer, _enc, done) => { socket.write(chunk, done); },
    writev: (chunks, done) => {
      socket.cork();
      for (const { chunk } of chunks.slice(0, -1)) socket.write(chunk as Buffer);
      socket.write(chunks[chunks.length - 1]!.chunk as Buffer, done);
      socket.uncork();
    },
    final: (done) => { socket.end(); done(); },
    destroy: (err, done) => { socket.destroy(err ?? undefined); done(err); },
  });
  Object.assign(duplex, { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort, remoteFamily: socket.remoteFamily, localAddress: socket.localAddress, localPort: socket.localPort });
  socket.on('data', (chunk: Buffer) => {
    let more = true;
    for (const part of rewriter.push(chunk)) more = duplex.push(part) && more;
    if (!more) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  // once what the client sent has been read: the HTTP/2 session may still be reading the last of it
  socket.on('close', () => (duplex.readableEnded || duplex.readableLength === 0 ? duplex.destroy() : duplex.once('end', () => duplex.destroy())));
  socket.on('error', (err) => duplex.destroy(err));
  socket.resume();
  return duplex;
}
