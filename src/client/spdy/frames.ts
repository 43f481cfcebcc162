// SPDY/3.1 framing (draft-mbelshe-httpbis-spdy-00 with the 3.1 flow-control changes): every
// frame has an 8-byte header. A control frame starts with the control bit, version 3 and its
// type, then flags (8 bits) and the payload's length (24 bits); a data frame starts with its
// stream ID (31 bits), then flags and length the same way. FrameParser cuts a byte stream into
// frames (a tunnelled connection may split a frame over several WebSocket messages); the
// encoders build the frames a session sends.

export const VERSION = 3;

export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const SETTINGS = 4;
export const PING = 6;
export const GOAWAY = 7;
export const HEADERS = 8;
export const WINDOW_UPDATE = 9;

export const FLAG_FIN = 0x01;

/** RST_STREAM status codes. */
export const RST = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, REFUSED_STREAM: 3, UNSUPPORTED_VERSION: 4, CANCEL: 5, INTERNAL_ERROR: 6 } as const;

/** The largest payload one frame carries (24-bit length). */
export const MAX_PAYLOAD = 0xffffff;

export type Frame =
  | { kind: 'data'; streamId: number; flags: number; data: Buffer }
  | { kind: 'control'; version: number; type: number; flags: number; payload: Buffer };

const HEADER_LEN = 8;

/** Accumulates bytes and hands out every complete frame. */
export class FrameParser {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames: Frame[] = [];
    for (;;) {
      if (this.buf.length < HEADER_LEN) break;
      const length = this.buf.readUInt32BE(4) & MAX_PAYLOAD;
      if (this.buf.length < HEADER_LEN + length) break;
      frames.push(decode(this.buf.subarray(0, HEADER_LEN + length)));
      this.buf = this.buf.subarray(HEADER_LEN + length);
    }
    return frames;
  }
}

function decode(raw: Buffer): Frame {
  const first = raw.readUInt32BE(0);
  const flags = raw[4]!;
  const payload = Buffer.from(raw.subarray(HEADER_LEN));
  if (first & 0x80000000) return { kind: 'control', version: (first >>> 16) & 0x7fff, type: first & 0xffff, flags, payload };
  return { kind: 'data', streamId: first & 0x7fffffff, flags, data: payload };
}

function header(first: number, flags: number, length: number): Buffer {
  const h = Buffer.alloc(HEADER_LEN);
  h.writeUInt32BE(first >>> 0, 0);
  h.writeUInt32BE(((flags & 0xff) << 24 | length) >>> 0, 4);
  return h;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  return Buffer.concat([header((0x8000 | VERSION) << 16 | type, flags, payload.length), payload]);
}

export function dataFrame(streamId: number, fin: boolean, data: Buffer): Buffer {
  return Buffer.concat([header(streamId & 0x7fffffff, fin ? FLAG_FIN : 0, data.length), data]);
}

const u32s = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
};

/** SYN_STREAM: stream ID, no associated stream, priority (3 bits) and slot 0, then the header block. */
export function synStream(streamId: number, fin: boolean, block: Buffer, priority = 0): Buffer {
  const fixed = Buffer.concat([u32s(streamId, 0), Buffer.from([(priority & 7) << 5, 0])]);
  return controlFrame(SYN_STREAM, fin ? FLAG_FIN : 0, Buffer.concat([fixed, block]));
}

export function synReply(streamId: number, fin: boolean, block: Buffer): Buffer {
  return controlFrame(SYN_REPLY, fin ? FLAG_FIN : 0, Buffer.concat([u32s(streamId), block]));
}

export const rstStream = (streamId: number, status: number): Buffer => controlFrame(RST_STREAM, 0, u32s(streamId, status));
export const ping = (id: number): Buffer => controlFrame(PING, 0, u32s(id));
export const goAway = (lastGoodStreamId: number, status = 0): Buffer => controlFrame(GOAWAY, 0, u32s(lastGoodStreamId, status));
export const windowUpdate = (streamId: number, delta: number): Buffer => controlFrame(WINDOW_UPDATE, 0, u32s(streamId, delta));

/** The stream ID a control frame's payload starts with (SYN_STREAM, SYN_REPLY, RST_STREAM, HEADERS, WINDOW_UPDATE). */
export const controlStreamId = (payload: Buffer): number => (payload.length >= 4 ? payload.readUInt32BE(0) & 0x7fffffff : 0);

/** Where the compressed header block starts in a control frame's payload. */
export function headerBlockOffset(type: number): number {
  return type === SYN_STREAM ? 10 : 4;
}
