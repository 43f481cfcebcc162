// A second process working on the same store: `node child.mjs <task> <spec-json> [args]`.
import { openStore, type Store } from '../../src/store/index.js';
import type { ChildSpec } from './harness.js';

const b = (s: string): Buffer => Buffer.from(s);

function openFromSpec(spec: ChildSpec): Store {
  return openStore(spec.dataDir);
}

/** n increments of key by compare-and-swap on its mod revision; returns how many CAS failed. */
async function cas(store: Store, key: string, n: number): Promise<number> {
  let conflicts = 0;
  for (let done = 0; done < n; ) {
    const cur = (await store.range({ key: b(key) })).kvs[0];
    const next = String(Number(cur?.value.toString() ?? '0') + 1);
    const resp = await store.txn({
      compare: [{ key: b(key), target: 'MOD', result: 'EQUAL', modRevision: cur?.modRevision ?? 0 }],
      success: [{ requestPut: { key: b(key), value: b(next) } }],
      failure: [],
    });
    if (resp.succeeded) done++;
    else conflicts++;
  }
  return conflicts;
}

/** Writes a and b together, forever (until killed): both always hold the same counter. */
async function writer(store: Store): Promise<never> {
  for (let i = 1; ; i++) {
    const v = b(String(i).padStart(8, '0').repeat(64));
    await store.txn({ compare: [], success: [{ requestPut: { key: b('pair/a'), value: v } }, { requestPut: { key: b('pair/b'), value: v } }], failure: [] });
    if (i === 10) process.stdout.write('ready\n');
  }
}

async function puts(store: Store, prefix: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await store.put({ key: b(`${prefix}${i}`), value: b(String(i)) });
}

const [task, specJson, ...args] = process.argv.slice(2);
const store = openFromSpec(JSON.parse(specJson ?? '{}') as ChildSpec);
if (task === 'cas') process.stdout.write(JSON.stringify({ conflicts: await cas(store, args[0]!, Number(args[1])) }) + '\n');
else if (task === 'writer') await writer(store);
else if (task === 'puts') await puts(store, args[0]!, Number(args[1]));
else throw new Error(`unknown task ${task}`);
await store.close();
