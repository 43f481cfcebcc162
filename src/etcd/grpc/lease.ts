// etcdserverpb.Lease over the store's leases.
import type { ServerDuplexStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import { unary, pruneDefaults } from './status.js';
import { checkLeasePuts } from '../auth/kvchecks.js';

type Wire = Record<string, unknown>;
const id = (v: unknown): bigint => BigInt((v as string | undefined) ?? 0);

export function leaseService(server: EtcdServer): UntypedServiceImplementation {
  const { store, auth } = server;
  const h = (rev: number) => ({ ...server.header(rev) });
  return {
    leaseGrant: unary(async (req, call) =>
      server.agree(async () => {
        await auth.checkProposal(call, () => undefined);
        const r = await store.leaseGrant({ TTL: Number(req.TTL ?? 0), ID: id(req.ID) });
        return { header: h(r.header.revision), ID: String(r.ID), TTL: String(r.TTL), error: '' };
      }),
    ),
    leaseRevoke: unary(async (req, call) =>
      server.agree(async () => {
        // Revoking deletes the lease's keys: it needs write on each of them.
        await auth.checkProposal(call, (ai) => checkLeasePuts(auth, ai, id(req.ID), async (lease) => (await store.leaseTimeToLive(lease, true)).keys));
        return { header: h((await store.leaseRevoke(id(req.ID))).header.revision) };
      }),
    ),
    leaseTimeToLive: unary(async (req) =>
      server.agree(async () => {
        const r = await store.leaseTimeToLive(id(req.ID), req.keys === true);
        return { header: h(r.header.revision), ID: String(r.ID), TTL: String(r.TTL), grantedTTL: String(r.grantedTTL), keys: r.keys };
      }),
    ),
    leaseLeases: unary(async () =>
      server.agree(async () => {
        const r = await store.leaseLeases();
        return { header: h(r.header.revision), leases: r.leases.map((l) => ({ ID: String(l.ID) })) };
      }),
    ),
    leaseKeepAlive: (call: ServerDuplexStream<Wire, Wire>) => {
      call.on('data', (req: Wire) => {
        void server.agree(async () => {
          const r = await store.leaseKeepAlive(id(req.ID));
          if (!call.cancelled && call.writable) call.write(pruneDefaults({ header: h(r.header.revision), ID: String(r.ID), TTL: String(r.TTL) }));
        });
      });
      call.on('end', () => call.end());
    },
  };
}
