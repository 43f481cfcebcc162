// One SPDY stream as a Node Duplex: what the peer sends in DATA frames is read (a FIN ends it),
// what is written goes out in DATA frames, end() sends the FIN that half-closes our side, reset()
// sends RST_STREAM CANCEL and drops the stream (as spdystream's Stream.Reset). A RST_STREAM from
// the peer or the connection's end ends both sides. No flow control: SPDY/3.1 windows are
// neither sent nor honoured, as Kubernetes' spdystream does not.
import { Duplex } from 'node:stream';
import { dataFrame, MAX_PAYLOAD, RST, rstStream } from './frames.js';
import type { HeaderMap } from './headers.js';

/** What a stream needs of its connection. */
export interface StreamOwner {
  /** Writes a frame; false when the connection wants the writer to wait for 'drain'. */
  send(frame: Buffer): boolean;
  /** Resolves when the connection can take more. */
  drained(): Promise<void>;
  forget(id: number): void;
}

export class SpdyStream extends Duplex {
  private sentReset = false;
  private remoteEnded = false;

  constructor(private readonly owner: StreamOwner, readonly id: number, readonly headers: HeaderMap) {
    super({ allowHalfOpen: true });
  }

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    let ok = true;
    for (let at = 0; at < chunk.length; at += MAX_PAYLOAD) ok = this.owner.send(dataFrame(this.id, false, chunk.subarray(at, at + MAX_PAYLOAD)));
    if (ok) cb();
    else void this.owner.drained().then(() => cb());
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (!this.sentReset) this.owner.send(dataFrame(this.id, true, Buffer.alloc(0)));
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.owner.forget(this.id);
    cb(err);
  }

  /** Discards the stream: RST_STREAM CANCEL to the peer, both sides closed. */
  reset(): void {
    if (!this.sentReset && !this.destroyed) this.owner.send(rstStream(this.id, RST.CANCEL));
    this.sentReset = true;
    this.endRemote();
    this.destroy();
  }

  /** A DATA frame from the peer. */
  receive(data: Buffer, fin: boolean): void {
    if (this.remoteEnded) return;
    if (data.length) this.push(data);
    if (fin) this.endRemote();
  }

  /** The peer reset the stream, or the connection ended. */
  gone(): void {
    this.sentReset = true;
    this.endRemote();
    this.destroy();
  }

  private endRemote(): void {
    if (this.remoteEnded) return;
    this.remoteEnded = true;
    this.push(null);
  }
}
