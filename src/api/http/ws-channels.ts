// A WebSocket carrying numbered channels, as apimachinery's wsstream.Conn: every message starts
// with its channel's number (a digit before base64 data in the base64 protocols); 0 stdin and 4
// resize are read, 1 stdout, 2 stderr and 3 error written, a channel the session did not ask for
// is ignored. v5.channel.k8s.io adds the CLOSE signal [255, channel] that half-closes a channel.
import type { WebSocket, RawData } from 'ws';
import { AsyncQueue } from './async-queue.js';
import type { TerminalSize } from './remotecommand.js';

export type ChannelType = 'read' | 'write' | 'ignore';

export interface ChannelProtocol {
  binary: boolean;
  /** Understands the CLOSE signal (v5). */
  streamClose: boolean;
}

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
const CLOSE_SIGNAL = 255;

const toBuffer = (d: RawData): Buffer => (Buffer.isBuffer(d) ? d : Array.isArray(d) ? Buffer.concat(d) : Buffer.from(d));

export class ChannelConn {
  private readonly inputs = new Map<number, AsyncQueue<Buffer>>();
  private readonly closed = new AbortController();

  constructor(private readonly ws: WebSocket, private readonly protocol: ChannelProtocol, private readonly channels: ChannelType[]) {
    channels.forEach((t, i) => t === 'read' && this.inputs.set(i, new AsyncQueue<Buffer>()));
    ws.on('message', (data) => this.receive(toBuffer(data)));
    ws.on('close', () => this.gone());
    ws.on('error', () => this.gone());
  }

  /** Aborted when the client closes the connection. */
  get signal(): AbortSignal {
    return this.closed.signal;
  }

  /** What the client sends on a read channel (stdin, resize); ends at its CLOSE or the connection's end. */
  input(channel: number): AsyncQueue<Buffer> | undefined {
    return this.inputs.get(channel);
  }

  write(channel: number, data: Buffer | string): void {
    if (this.channels[channel] !== 'write' || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.protocol.binary) this.ws.send(Buffer.concat([Buffer.from([channel]), bytes]), { binary: true });
    else this.ws.send(String.fromCharCode(48 + channel) + bytes.toString('base64'), { binary: false });
  }

  /** Closes the connection normally (1000), after what was written. */
  close(): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(1000);
    for (const q of this.inputs.values()) q.end();
  }

  private gone(): void {
    for (const q of this.inputs.values()) q.end();
    this.closed.abort();
  }

  private receive(data: Buffer): void {
    if (data.length === 0) return;
    if (this.protocol.streamClose && data[0] === CLOSE_SIGNAL) {
      if (data.length === 2) this.inputs.get(data[1]!)?.end();
      return;
    }
    const channel = this.protocol.binary ? data[0]! : data[0]! - 48;
    const payload = this.protocol.binary ? data.subarray(1) : Buffer.from(data.subarray(1).toString('latin1'), 'base64');
    this.inputs.get(channel)?.push(Buffer.from(payload));
  }
}

/** The terminal sizes a resize channel carries: JSON objects {"Width":…,"Height":…}, one after another. */
export async function* terminalSizes(input: AsyncIterable<Buffer> | undefined): AsyncIterable<TerminalSize> {
  if (!input) return;
  let buf = '';
  for await (const chunk of input) {
    buf += chunk.toString('utf8');
    let end: number;
    while ((end = buf.indexOf('}')) >= 0) {
      const text = buf.slice(0, end + 1);
      buf = buf.slice(end + 1);
      try {
        const s = JSON.parse(text.slice(text.indexOf('{'))) as { Width?: number; Height?: number };
        yield { width: s.Width ?? 0, height: s.Height ?? 0 };
      } catch {
        return;
      }
    }
  }
}
