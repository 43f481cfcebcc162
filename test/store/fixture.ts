// Per-test store lifecycle and small conveniences shared by the conformance files.
import { afterEach, beforeEach } from 'vitest';
import type { KeyValue, Store } from '../../src/store/index.js';
import { FakeClock } from '../support/clock.js';
import type { Backend, StoreUnderTest } from './harness.js';

export const b = (s: string): Buffer => Buffer.from(s);
export const str = (x: Buffer): string => x.toString();
export const keysOf = (kvs: KeyValue[]): string[] => kvs.map((kv) => str(kv.key));

export interface Ctx {
  sut: StoreUnderTest;
  clock: FakeClock;
  store: Store;
}

/** A fresh store (on a fake clock) for every test of the enclosing describe. */
export function useStore(backend: Backend): Ctx {
  const ctx = {} as Ctx;
  beforeEach(async () => {
    ctx.sut = await backend.create();
    ctx.clock = new FakeClock();
    ctx.store = ctx.sut.open({ clock: ctx.clock.now });
  });
  afterEach(async () => {
    await ctx.sut.cleanup();
  });
  return ctx;
}

/** Resolves once pred() holds, polling every 5 ms; rejects after ms. */
export async function eventually(pred: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
