// client-go's UIDTrackingControllerExpectations: how many creates and which deletes a controller
// still waits to see in its informer. Until they are observed (or 5 minutes pass) the owner is
// not resynced, so a slow cache cannot make it create or delete twice.
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  at: number;
  deleting: Set<string>;
}

export class Expectations {
  private readonly records = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  /** True when nothing is outstanding for key, or the record has expired. */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return this.now() - r.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, at: this.now(), deleting: new Set() });
  }

  /** Expects the pods with these `ns/name` keys to be deleted. */
  expectDeletions(key: string, podKeys: string[]): void {
    this.records.set(key, { add: 0, del: podKeys.length, at: this.now(), deleting: new Set(podKeys) });
  }

  creationObserved(key: string): void {
    const r = this.records.get(key);
    if (r) r.add -= 1;
  }

  deletionObserved(key: string, podKey: string): void {
    const r = this.records.get(key);
    if (!r || !r.deleting.delete(podKey)) return;
    r.del -= 1;
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  /** Outstanding creates and deletes, for tests and logs. */
  pending(key: string): { add: number; del: number } | undefined {
    const r = this.records.get(key);
    return r ? { add: r.add, del: r.del } : undefined;
  }
}
