// The port-forward streaming protocol (portforward.k8s.io over SPDY) as the runtime's streaming
// server speaks it (kubelet's cri/streaming/portforward/httpstream.go, containerd's copy): every
// forwarded connection is a pair of streams, `streamtype` error and data, with the same
// `requestid` and `port` headers. A stream with a bad header is refused; once both of a pair are
// there the data stream is connected to the port inside the pod, and a failure is written on the
// error stream as `error forwarding port <port> to pod <pod>, uid <uid>: <cause>`; both streams
// are then half-closed.
import type { Duplex } from 'node:stream';
import type { SpdyStream } from '../../client/spdy/stream.js';
import type { StreamRefusal } from './remotecommand.js';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';

/** Which pod's port-forward endpoint is asked for. */
export interface PortForwardRequest {
  namespace: string;
  name: string;
}

/** A pod's network as the runtime's streaming server reaches it. */
export interface PortForwardTarget {
  /** The name the streaming server knows the pod by (containerd: the sandbox ID). */
  pod: string;
  /** The pod's UID as the streaming server has it (containerd's is empty). */
  uid: string;
  /** Connects stream to the port inside the pod until either side ends; rejects with the runtime's error. */
  forward(port: number, stream: Duplex): Promise<void>;
}

/** A kubelet's port-forward endpoint: the target, or its HTTP answer why not. */
export type PortForwardBackend = (req: PortForwardRequest) => Promise<StreamRefusal | PortForwardTarget>;

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
}

/** Checks a new stream's headers as httpStreamReceived does; the refusal's text, or nothing. */
export function checkStream(headers: Record<string, string>): string | undefined {
  const port = headers.port ?? '';
  if (!port) return '"port" header is required';
  const n = /^\d+$/.test(port) ? Number(port) : NaN;
  if (!(n <= 65535)) return `unable to parse "${port}" as a port: strconv.ParseUint: parsing "${port}": ${Number.isNaN(n) ? 'invalid syntax' : 'value out of range'}`;
  if (n < 1) return `port "${port}" must be > 0`;
  const type = headers.streamtype ?? '';
  if (!type) return '"streamType" header is required';
  if (type !== 'error' && type !== 'data') return `invalid stream type "${type}"`;
  return undefined;
}

/** The request a stream belongs to; old clients without the header get one from the stream IDs. */
function requestId(s: SpdyStream): string {
  const id = s.headers.requestid;
  if (id) return id;
  return String(s.headers.streamtype === 'data' ? s.id - 2 : s.id);
}

/** Pairs the streams of one connection and forwards each complete pair. */
export class StreamPairs {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly target: PortForwardTarget) {}

  /** The session's stream handler. */
  readonly onStream = (s: SpdyStream): string | undefined => {
    const refusal = checkStream(s.headers);
    if (refusal !== undefined) return refusal;
    // Accepted: the SYN_REPLY goes out first, the pair is looked at after it.
    queueMicrotask(() => this.add(s));
    return undefined;
  };

  private add(s: SpdyStream): void {
    const id = requestId(s);
    const pair = this.pairs.get(id) ?? {};
    this.pairs.set(id, pair);
    const kind = s.headers.streamtype === 'error' ? 'error' : 'data';
    if (pair[kind]) {
      writeError(pair.error, `error processing stream for request ${id}: ${kind} stream already assigned`);
      return;
    }
    pair[kind] = s;
    if (pair.error && pair.data) {
      this.pairs.delete(id);
      void this.forward(pair.error, pair.data);
    }
  }

  private async forward(error: SpdyStream, data: SpdyStream): Promise<void> {
    const port = Number(data.headers.port);
    try {
      await this.target.forward(port, data);
    } catch (err) {
      writeError(error, `error forwarding port ${port} to pod ${this.target.pod}, uid ${this.target.uid}: ${(err as Error).message}`);
    }
    halfClose(data);
    halfClose(error);
  }
}

const open = (s: SpdyStream | undefined): s is SpdyStream => !!s && !s.destroyed && !s.writableEnded;

function writeError(s: SpdyStream | undefined, text: string): void {
  if (open(s)) s.write(text);
}

function halfClose(s: SpdyStream): void {
  if (open(s)) s.end();
}
