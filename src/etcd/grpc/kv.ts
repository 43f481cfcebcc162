// etcdserverpb.KV over the store.
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import * as c from './convert.js';
import { unary } from './status.js';

export function kvService(server: EtcdServer): UntypedServiceImplementation {
  const { store } = server;
  const header = (rev: number) => ({ ...server.header(rev) });
  const inner = (rev: number) => ({ revision: String(rev) });
  return {
    range: unary(async (req) => server.agree(async () => c.rangeResponse(await store.range(c.rangeRequest(req)), header))),
    put: unary(async (req) => server.agree(async () => c.putResponse(await store.put(c.putRequest(req)), header))),
    deleteRange: unary(async (req) => server.agree(async () => c.deleteResponse(await store.deleteRange(c.deleteRequest(req)), header))),
    txn: unary(async (req) => server.agree(async () => c.txnResponse(await store.txn(c.txnRequest(req)), header, inner))),
    compact: unary(async (req) =>
      server.agree(async () => {
        const r = await store.compact({ revision: Number(req.revision ?? 0), physical: req.physical === true });
        return { header: header(r.header.revision) };
      }),
    ),
  };
}
