// etcdserverpb.Watch: one bidirectional stream carries many watches, each with its own ID
// (allocated from 0 per stream, as etcd does), created, cancelled and progressed by requests.
import type { ServerDuplexStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Watcher } from '../../store/index.js';
import type { EtcdServer } from '../server.js';
import { pruneDefaults } from './status.js';
import { watchEvent } from './convert.js';
import { watchCancelReason } from '../auth/errors.js';

type Wire = Record<string, unknown>;

export function watchService(server: EtcdServer): UntypedServiceImplementation {
  return {
    watch: (call: ServerDuplexStream<Wire, Wire>) => new WatchStream(server, call).run(),
  };
}

class WatchStream {
  private readonly watchers = new Map<number, Watcher>();
  private nextId = 0;

  constructor(
    private readonly server: EtcdServer,
    private readonly call: ServerDuplexStream<Wire, Wire>,
  ) {}

  run(): void {
    this.call.on('data', (req: Wire) => void this.handle(req));
    const end = (): void => {
      for (const w of this.watchers.values()) void w.cancel();
      this.watchers.clear();
    };
    this.call.on('end', () => {
      end();
      this.call.end();
    });
    this.call.on('cancelled', end);
    this.call.on('error', end);
  }

  private async header(): Promise<Wire> {
    const rev = (await this.server.store.status()).header.revision;
    return { ...this.server.header(rev) };
  }

  private send(msg: Wire): void {
    if (!this.call.cancelled && this.call.writable) this.call.write(pruneDefaults(msg));
  }

  private async handle(req: Wire): Promise<void> {
    if (req.createRequest) await this.create(req.createRequest as Wire);
    else if (req.cancelRequest) await this.cancel(Number((req.cancelRequest as Wire).watchId ?? 0));
    else if (req.progressRequest) this.send({ header: await this.header(), watchId: '-1' });
  }

  /** etcd checks read permission when a watch is created (a from-key watch: on its key alone). */
  private refused(r: Wire): string | undefined {
    const given = Buffer.isBuffer(r.key) && r.key.length > 0 ? r.key : Buffer.from([0]);
    const end = Buffer.isBuffer(r.rangeEnd) ? r.rangeEnd : Buffer.alloc(0);
    const rangeEnd = end.length === 1 && end[0] === 0 ? Buffer.alloc(0) : end;
    const { auth } = this.server;
    try {
      auth.checkRead(this.call, (ai) => auth.isRangePermitted(ai, given, rangeEnd));
      return undefined;
    } catch (err) {
      return watchCancelReason(err);
    }
  }

  private async create(r: Wire): Promise<void> {
    const cancelReason = this.refused(r);
    if (cancelReason !== undefined) {
      this.send({ header: await this.header(), watchId: '-1', created: true, canceled: true, cancelReason });
      return;
    }
    const requested = Number(r.watchId ?? 0);
    const id = requested > 0 ? requested : this.nextId++;
    const filters = Array.isArray(r.filters) ? (r.filters as number[]) : [];
    const header = await this.header();
    this.send({ header, watchId: String(id), created: true });
    const w = this.server.store.watch(
      {
        key: r.key as Buffer,
        rangeEnd: r.rangeEnd as Buffer,
        startRevision: Number(r.startRevision ?? 0),
        prevKv: r.prevKv === true,
        noPut: filters.includes(0),
        noDelete: filters.includes(1),
      },
      (resp) => {
        // mvcc's compaction response carries no revision, so neither does its header
        const out: Wire = { header: this.server.header(resp.canceled ? 0 : resp.header.revision), watchId: String(id), events: resp.events.map(watchEvent) };
        if (resp.canceled) {
          out.canceled = true;
          out.compactRevision = String(resp.compactRevision ?? 0);
          this.watchers.delete(id);
        }
        this.send(out);
      },
    );
    this.watchers.set(id, w);
  }

  private async cancel(id: number): Promise<void> {
    const w = this.watchers.get(id);
    if (!w) return;
    this.watchers.delete(id);
    await w.cancel();
    this.send({ header: await this.header(), watchId: String(id), canceled: true });
  }
}
