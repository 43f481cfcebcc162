// etcdserverpb.Maintenance: status, hashes, defragment, snapshot streaming, alarms, leadership.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerWritableStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import { ETCD_VERSION, type EtcdServer } from '../server.js';
import { EtcdError, toServiceError, unary, pruneDefaults } from './status.js';
import { untranslated } from '../auth/errors.js';

type Wire = Record<string, unknown>;
const SNAPSHOT_CHUNK = 32 * 1024;

export function maintenanceService(server: EtcdServer): UntypedServiceImplementation {
  const { store, auth } = server;
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
    hash: unary(async (_req, call) => {
      auth.checkMaintenance(call);
      const r = await store.hashKV(0);
      return { header: h(r.header.revision), hash: r.hash };
    }),
    HashKV: unary(async (req, call) => {
      auth.checkMaintenance(call);
      const r = await store.hashKV(Number(req.revision ?? 0));
      return { header: h(r.header.revision), hash: r.hash, compactRevision: String(r.compactRevision) };
    }),
    defragment: unary(async (_req, call) => {
      auth.checkMaintenance(call);
      await store.defragment();
      return { header: h((await store.status()).header.revision) };
    }),
    alarm: unary(async (req, call) => {
      // A proposal: an invalid token is refused first, and etcd leaves that error untranslated.
      await auth.checkProposal(call, () => undefined).catch((err: unknown) => {
        throw untranslated(err);
      });
      return alarm(server, req);
    }),
    moveLeader: unary(async (req) => {
      if (BigInt((req.targetID as string) ?? 0) !== server.id) throw new EtcdError('etcdserver: bad leader transferee', 'FailedPrecondition');
      return { header: h((await store.status()).header.revision) };
    }),
    snapshot: (call: ServerWritableStream<Wire, Wire>) => void snapshot(server, call),
  };
}

/** Alarms are raft proposals (even a GET), and etcd 3.4 answers them without a header. */
async function alarm(server: EtcdServer, req: Wire): Promise<Wire> {
  const action = Number(req.action ?? 0);
  const type = Number(req.alarm ?? 0);
  await server.store.advanceRaftIndex();
  if (action === 1 && type !== 0) server.alarms.add(type);
  if (action === 2) type === 0 ? server.alarms.clear() : server.alarms.delete(type);
  const alarms = action === 0 ? [...server.alarms].map((a) => ({ memberID: String(server.id), alarm: a })) : [];
  return { alarms };
}

/** Ends a server stream with an error status (destroy() would drop the status: the client would hang). */
function fail(call: ServerWritableStream<Wire, Wire>, err: unknown): void {
  call.emit('error', Object.assign(new Error(String(err)), toServiceError(err)));
}

async function snapshot(server: EtcdServer, call: ServerWritableStream<Wire, Wire>): Promise<void> {
  try {
    server.auth.checkMaintenance(call);
  } catch (err) {
    fail(call, err);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-etcd-snapshot-'));
  try {
    await server.store.snapshotSave(join(dir, 'db'));
    const data = readFileSync(join(dir, 'db'));
    const rev = (await server.store.status()).header.revision;
    for (let sent = 0; sent < data.length; sent += SNAPSHOT_CHUNK) {
      const blob = data.subarray(sent, sent + SNAPSHOT_CHUNK);
      call.write(pruneDefaults({ header: { ...server.header(rev) }, remainingBytes: String(data.length - sent - blob.length), blob }));
    }
    call.end();
  } catch (err) {
    fail(call, err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
