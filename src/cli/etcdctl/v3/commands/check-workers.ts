// The load of both checks: a producer feeds put requests into a channel holding as many as there
// are clients, and every client runs one worker taking requests from it, each put waited for
// without a deadline (context.Background()), its latency or error going into the report.
import { GO_CODES, RpcError, type EtcdClient } from '../client/client.js';
import type { Report } from './check-report.js';

/** clientv3 without a deadline: far enough away that grpc-js sets no timer. */
export const NO_DEADLINE_MS = 10 * 365 * 24 * 3600 * 1000;

/** A Go channel of capacity `cap`: send waits while it is full, receive while it is empty. */
export class Channel<T> {
  private readonly items: T[] = [];
  private readonly receivers: ((v: T | undefined) => void)[] = [];
  private readonly senders: (() => void)[] = [];
  private closed = false;

  constructor(private readonly cap: number) {}

  async send(v: T): Promise<void> {
    for (;;) {
      const receiver = this.receivers.shift();
      if (receiver !== undefined) return receiver(v);
      if (this.items.length < this.cap) {
        this.items.push(v);
        return;
      }
      await new Promise<void>((room) => this.senders.push(room));
    }
  }

  /** The next item; undefined once closed and drained. */
  receive(): Promise<T | undefined> {
    if (this.items.length > 0) {
      const v = this.items.shift() as T;
      this.senders.shift()?.();
      return Promise.resolve(v);
    }
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((got) => this.receivers.push(got));
  }

  close(): void {
    this.closed = true;
    for (const r of this.receivers.splice(0)) r(undefined);
  }
}

/** What clientv3's Do returns as the error's text: etcd's own message, or the gRPC status. */
export function errorText(err: unknown): string {
  if (err instanceof RpcError) {
    if (err.desc.startsWith('etcdserver: ')) return err.desc;
    return `rpc error: code = ${GO_CODES[err.code] ?? 'Unknown'} desc = ${err.desc}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export interface PutRequest {
  key: Buffer;
  value: Buffer;
}

/** One worker per client until the channel is closed and drained; `each` after every result. */
export async function runWorkers(clients: EtcdClient[], ops: Channel<PutRequest>, report: Report, each: () => void = () => undefined): Promise<void> {
  const now = (): number => performance.now() * 1e6;
  await Promise.all(clients.map(async (c) => {
    for (let op = await ops.receive(); op !== undefined; op = await ops.receive()) {
      const start = now();
      let err: string | undefined;
      try {
        await c.unary('KV', 'Put', op, NO_DEADLINE_MS);
      } catch (e) {
        err = errorText(e);
      }
      report.add(start, now(), err);
      each();
    }
  }));
}
