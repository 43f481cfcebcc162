// A SPDY/3.1 connection over a byte stream (an upgraded socket, or a WebSocket carrying SPDY in
// binary messages), as Kubernetes' spdystream speaks it. The client opens streams with odd IDs
// (SYN_STREAM, then waits for SYN_REPLY); the server answers each stream the peer opens with an
// empty SYN_REPLY, or resets it when its handler refuses it. PINGs from the peer are echoed;
// GOAWAY or the end of the byte stream closes the connection and every stream on it. Frames are
// handled strictly in arrival order, since header blocks share one zlib stream per direction.
import type { Duplex } from 'node:stream';
import {
  controlStreamId, FLAG_FIN, FrameParser, GOAWAY, goAway, HEADERS, headerBlockOffset, PING, ping, RST, RST_STREAM, rstStream,
  SYN_REPLY, SYN_STREAM, synReply, synStream, type Frame,
} from './frames.js';
import { HeaderCompressor, HeaderDecompressor, type HeaderMap } from './headers.js';
import { SpdyStream, type StreamOwner } from './stream.js';

export interface SessionOptions {
  /** Server side: even stream IDs of its own, answers the peer's streams. */
  server: boolean;
  /** A stream the peer opened: return an error message to refuse it (RST_STREAM). */
  onStream?: (stream: SpdyStream) => string | undefined;
  /** Bytes read before the session took the transport (after the upgrade response). */
  initial?: Buffer;
}

interface Pending {
  stream: SpdyStream;
  resolve: (s: SpdyStream) => void;
  reject: (e: Error) => void;
}

export class SpdySession implements StreamOwner {
  private readonly parser = new FrameParser();
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  private readonly streams = new Map<number, SpdyStream>();
  private readonly pending = new Map<number, Pending>();
  private nextId: number;
  private lastPeerId = 0;
  private chain: Promise<void> = Promise.resolve();
  private ended = false;
  private readonly done: Promise<void>;
  private markDone!: () => void;

  constructor(private readonly transport: Duplex, private readonly o: SessionOptions) {
    this.nextId = o.server ? 2 : 1;
    this.done = new Promise((r) => (this.markDone = r));
    transport.on('data', (chunk: Buffer) => this.receive(chunk));
    transport.once('end', () => this.shutdown());
    transport.once('close', () => this.shutdown());
    transport.on('error', () => this.shutdown());
    if (o.initial?.length) this.receive(o.initial);
  }

  /** Resolves when the connection is gone. */
  get closed(): Promise<void> {
    return this.done;
  }

  get isClosed(): boolean {
    return this.ended;
  }

  /** Opens a stream with these headers; resolves once the peer replied, rejects if it reset it. */
  open(headers: HeaderMap): Promise<SpdyStream> {
    if (this.ended) return Promise.reject(new Error('connection closed'));
    const id = this.nextId;
    this.nextId += 2;
    const stream = new SpdyStream(this, id, headers);
    this.streams.set(id, stream);
    const replied = new Promise<SpdyStream>((resolve, reject) => this.pending.set(id, { stream, resolve, reject }));
    this.send(synStream(id, false, this.compressor.compress(headers)));
    return replied;
  }

  /** GOAWAY, then the end of the byte stream. */
  close(): void {
    if (this.ended) return;
    this.send(goAway(this.lastPeerId));
    this.transport.end();
    this.shutdown();
  }

  send(frame: Buffer): boolean {
    if (this.ended || this.transport.destroyed || this.transport.writableEnded) return true;
    return this.transport.write(frame);
  }

  drained(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((r) => {
      const done = () => {
        this.transport.off('drain', done);
        this.transport.off('close', done);
        r();
      };
      this.transport.once('drain', done);
      this.transport.once('close', done);
    });
  }

  forget(id: number): void {
    this.streams.delete(id);
  }

  private receive(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.parser.push(chunk);
    } catch {
      return this.abort();
    }
    for (const f of frames) this.chain = this.chain.then(() => this.handle(f)).catch(() => this.abort());
  }

  private async handle(f: Frame): Promise<void> {
    if (this.ended) return;
    if (f.kind === 'data') return this.streams.get(f.streamId)?.receive(f.data, (f.flags & FLAG_FIN) !== 0);
    const id = controlStreamId(f.payload);
    switch (f.type) {
      case SYN_STREAM: return this.peerStream(id, await this.headers(f), (f.flags & FLAG_FIN) !== 0);
      case SYN_REPLY: return this.replied(id, await this.headers(f), (f.flags & FLAG_FIN) !== 0);
      case HEADERS: await this.headers(f); return;
      case RST_STREAM: return this.peerReset(id);
      case PING: return this.pinged(f.payload);
      case GOAWAY: return this.shutdown();
      default: return; // SETTINGS, WINDOW_UPDATE: no flow control here
    }
  }

  private headers(f: Extract<Frame, { kind: 'control' }>): Promise<HeaderMap> {
    return this.decompressor.decompress(f.payload.subarray(headerBlockOffset(f.type)));
  }

  private peerStream(id: number, headers: HeaderMap, fin: boolean): void {
    this.lastPeerId = Math.max(this.lastPeerId, id);
    const stream = new SpdyStream(this, id, headers);
    this.streams.set(id, stream);
    const refusal = this.o.onStream ? this.o.onStream(stream) : 'no handler';
    if (refusal !== undefined) {
      this.send(rstStream(id, RST.CANCEL));
      stream.gone();
      return;
    }
    this.send(synReply(id, false, this.compressor.compress({})));
    if (fin) stream.receive(Buffer.alloc(0), true);
  }

  private replied(id: number, _headers: HeaderMap, fin: boolean): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.resolve(p.stream);
    if (fin) p.stream.receive(Buffer.alloc(0), true);
  }

  private peerReset(id: number): void {
    const p = this.pending.get(id);
    if (p) {
      this.pending.delete(id);
      p.reject(new Error('stream reset'));
    }
    this.streams.get(id)?.gone();
  }

  /** Echoes the peer's PING (its IDs have the other parity than ours). */
  private pinged(payload: Buffer): void {
    if (payload.length < 4) return;
    const id = payload.readUInt32BE(0);
    if ((id & 1) !== (this.nextId & 1)) this.send(ping(id));
  }

  private abort(): void {
    if (!this.ended) this.transport.destroy();
    this.shutdown();
  }

  private shutdown(): void {
    if (this.ended) return;
    this.ended = true;
    for (const p of this.pending.values()) p.reject(new Error('connection closed'));
    this.pending.clear();
    for (const s of [...this.streams.values()]) s.gone();
    this.streams.clear();
    this.decompressor.close();
    if (!this.transport.writableEnded && !this.transport.destroyed) this.transport.end();
    this.markDone();
  }
}

