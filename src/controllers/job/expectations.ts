// ControllerExpectations in spirit: after creating or deleting pods, a controller must not act
// on its cache again until the cache shows those writes, or it would create twice. Each
// expectation is a check against the cache; a key is satisfied once every check passes or
// the expectations are five minutes old (ExpectationsTimeout).
const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Pending {
  at: number;
  checks: (() => boolean)[];
}

export class Expectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number) {}

  /** Adds checks that must come true before key is synced again. */
  expect(key: string, ...checks: (() => boolean)[]): void {
    if (!checks.length) return;
    const p = this.pending.get(key);
    if (p) {
      p.checks.push(...checks);
      p.at = this.now();
    } else this.pending.set(key, { at: this.now(), checks });
  }

  satisfied(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return true;
    p.checks = p.checks.filter((c) => !c());
    if (!p.checks.length || this.now() - p.at >= EXPECTATIONS_TIMEOUT_MS) {
      this.pending.delete(key);
      return true;
    }
    return false;
  }

  forget(key: string): void {
    this.pending.delete(key);
  }
}

/** UIDs whose finalizer removal was sent but not yet seen (uidTrackingExpectations). */
export class UidExpectations {
  private readonly uids = new Map<string, Set<string>>();

  expect(key: string, uids: string[]): void {
    if (!uids.length) return;
    const s = this.uids.get(key) ?? new Set<string>();
    for (const u of uids) s.add(u);
    this.uids.set(key, s);
  }

  /** The UIDs still expected, after dropping those for which seen(uid) is true. */
  pending(key: string, seen: (uid: string) => boolean): Set<string> {
    const s = this.uids.get(key);
    if (!s) return new Set();
    for (const u of [...s]) if (seen(u)) s.delete(u);
    if (!s.size) this.uids.delete(key);
    return new Set(s);
  }

  forget(key: string): void {
    this.uids.delete(key);
  }
}
