// What the conformance suite needs of a backend: fresh stores, more clients of the same store
// (in this process and in child processes), and a way to restore a snapshot into a new one.
import type { Store } from '../../src/store/index.js';

export interface StoreOpenOptions {
  clock?: () => number;
}

export interface StoreUnderTest {
  /** Another client of the same store, in this process. */
  open(opts?: StoreOpenOptions): Store;
  /** JSON a child process hands to openFromSpec() to reach the same store. */
  spec: ChildSpec;
  /** Restores a snapshot file into a new store and opens it. */
  restore(snapshotFile: string): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: string;
  create(): Promise<StoreUnderTest>;
}

export type ChildSpec = { backend: 'sqlite'; dataDir: string };
