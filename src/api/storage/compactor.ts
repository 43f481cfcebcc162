// The apiserver's etcd compactor (--etcd-compaction-interval, 5 minutes): each interval it
// claims the round through `compact_rev_key` (a compare-and-swap on its version, so several
// apiservers compact once) and compacts to the revision it saw the previous round, so history
// stays bounded while watches have a full interval to catch up.
import type { Store } from '../../store/index.js';

const KEY = Buffer.from('compact_rev_key');

/** One round: returns the next round's expected key version and the revision to compact next. */
export async function compactRound(store: Store, version: number, rev: number): Promise<{ version: number; rev: number }> {
  const resp = await store.txn({
    compare: [{ key: KEY, target: 'VERSION', result: 'EQUAL', version }],
    success: [{ requestPut: { key: KEY, value: Buffer.from(String(rev)) } }],
    failure: [{ requestRange: { key: KEY } }],
  });
  const current = resp.header.revision;
  if (!resp.succeeded) {
    const first = resp.responses[0];
    const kv = first && 'responseRange' in first ? first.responseRange.kvs[0] : undefined;
    return { version: kv?.version ?? version, rev: current };
  }
  if (rev > 0) await store.compact({ revision: rev });
  return { version: version + 1, rev: current };
}

export function startCompactor(store: Store, intervalMs: number, log: (m: string) => void = () => {}): () => void {
  let state = { version: 0, rev: 0 };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        state = await compactRound(store, state.version, state.rev);
      } catch (err) {
        log(`etcd compaction failed: ${(err as Error).message}`);
      }
    });
  }, intervalMs);
  timer.unref();
  // The first round only records the revision (upstream does not compact on bootstrap).
  running = compactRound(store, 0, 0).then((s) => { state = s; }, () => {});
  return () => clearInterval(timer);
}
