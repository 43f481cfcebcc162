// etcdserverpb.Maintenance: status, hashes, defragment, snapshot streaming, alarms, leadership.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerWritableStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import { ETCD_VERSION, type EtcdServer } from '../server.js';
import { EtcdError, toServiceError, unary } from './status.js';

type Wire = Record<string, unknown>;
const SNAPSHOT_CHUNK = 32 * 1024;

export function maintenanceService(server: EtcdServer): UntypedServiceImplementation {
  const { store } = server;
  const h = (rev: number) => ({ ...server.header(rev) });
  return {
    status: unary(async () => {
      const s = await store.status();
      return {
        header: h(s.header.revision),
        version: ETCD_VERSION,
        dbSize: String(s.dbSize),
        leader: String(server.id),
        raftIndex: String(s.raftIndex),
        raftTerm: String(server.term),
        raftAppliedIndex: String(s.raftIndex),
        errors: [...server.alarms].map((a) => (a === 1 ? 'NOSPACE' : 'CORRUPT')),
        dbSizeInUse: String(s.dbSizeInUse),
        isLearner: false,
      };
    }),
    hash: unary(async () => {
      const r = await store.hashKV(0);
      return { header: h(r.header.revision), hash: r.hash };
    }),
    HashKV: unary(async (req) => {
      const r = await store.hashKV(Number(req.revision ?? 0));
      return { header: h(r.header.revision), hash: r.hash, compactRevision: String(r.compactRevision) };
    }),
    defragment: unary(async () => {
      await store.defragment();
      return { header: h((await store.status()).header.revision) };
    }),
    alarm: unary(async (req) => alarm(server, req)),
    moveLeader: unary(async (req) => {
      if (BigInt((req.targetID as string) ?? 0) !== server.id) throw new EtcdError('etcdserver: bad leader transferee', 'FailedPrecondition');
      return { header: h((await store.status()).header.revision) };
    }),
    snapshot: (call: ServerWritableStream<Wire, Wire>) => void snapshot(server, call),
  };
}

async function alarm(server: EtcdServer, req: Wire): Promise<Wire> {
  const action = Number(req.action ?? 0);
  const type = Number(req.alarm ?? 0);
  if (action === 1 && type !== 0) server.alarms.add(type);
  if (action === 2) type === 0 ? server.alarms.clear() : server.alarms.delete(type);
  const alarms = action === 0 ? [...server.alarms].map((a) => ({ memberID: String(server.id), alarm: a })) : [];
  const rev = (await server.store.status()).header.revision;
  return { header: { ...server.header(rev) }, alarms };
}

async function snapshot(server: EtcdServer, call: ServerWritableStream<Wire, Wire>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-etcd-snapshot-'));
  try {
    await server.store.snapshotSave(join(dir, 'db'));
    const data = readFileSync(join(dir, 'db'));
    const rev = (await server.store.status()).header.revision;
    for (let sent = 0; sent < data.length; sent += SNAPSHOT_CHUNK) {
      const blob = data.subarray(sent, sent + SNAPSHOT_CHUNK);
      call.write({ header: { ...server.header(rev) }, remainingBytes: String(data.length - sent - blob.length), blob });
    }
    call.end();
  } catch (err) {
    call.destroy(Object.assign(new Error(String(err)), toServiceError(err)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
