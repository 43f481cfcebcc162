// etcdserverpb.KV over the store, with etcd's auth checks: reads are checked before serving,
// writes (raft proposals) when applied — a refused write still takes its raft entry.
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import { checkDelete, checkPut, checkTxn, isTxnReadOnly, type LeaseKeys } from '../auth/kvchecks.js';
import * as c from './convert.js';
import { EtcdError, unary } from './status.js';

/** etcd validates a request before any auth check. */
function requireKey(key: Buffer): void {
  if (key.length === 0) throw new EtcdError('etcdserver: key is not provided', 'InvalidArgument');
}

export function kvService(server: EtcdServer): UntypedServiceImplementation {
  const { store, auth } = server;
  const header = (rev: number) => ({ ...server.header(rev) });
  const inner = (rev: number) => ({ revision: String(rev) });
  const leaseKeys: LeaseKeys = async (id) => (await store.leaseTimeToLive(id, true)).keys;
  return {
    range: unary(async (req, call) =>
      server.agree(async () => {
        const r = c.rangeRequest(req);
        requireKey(r.key);
        auth.checkRead(call, (ai) => auth.isRangePermitted(ai, r.key, r.rangeEnd ?? Buffer.alloc(0)));
        return c.rangeResponse(await store.range(r), header);
      }),
    ),
    put: unary(async (req, call) =>
      server.agree(async () => {
        const r = c.putRequest(req);
        requireKey(r.key);
        await auth.checkProposal(call, (ai) => checkPut(auth, ai, r, leaseKeys));
        return c.putResponse(await store.put(r), header);
      }),
    ),
    deleteRange: unary(async (req, call) =>
      server.agree(async () => {
        const r = c.deleteRequest(req);
        requireKey(r.key);
        await auth.checkProposal(call, (ai) => checkDelete(auth, ai, r));
        return c.deleteResponse(await store.deleteRange(r), header);
      }),
    ),
    txn: unary(async (req, call) =>
      server.agree(async () => {
        const r = c.txnRequest(req);
        if (isTxnReadOnly(r)) auth.checkRead(call, (ai) => checkTxn(auth, ai, r));
        else await auth.checkProposal(call, (ai) => checkTxn(auth, ai, r));
        return c.txnResponse(await store.txn(r), header, inner);
      }),
    ),
    compact: unary(async (req, call) =>
      server.agree(async () => {
        await auth.checkProposal(call, () => undefined);
        const r = await store.compact({ revision: Number(req.revision ?? 0), physical: req.physical === true });
        return { header: header(r.header.revision) };
      }),
    ),
  };
}
