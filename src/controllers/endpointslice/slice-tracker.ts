// EndpointSliceTracker (k8s.io/endpointslice/util): what this controller last wrote for each
// slice of each service, so an informer cache that has not caught up yet (a slice older than the
// one written, or one expected gone still there) is noticed instead of acted upon, and so the
// controller's own writes do not trigger a resync. Upstream compares generations; slices carry
// no generation here, so resourceVersions (store revisions, comparable as numbers) stand in.
import type { Obj } from '../../client/types.js';
import { LABEL_SERVICE_NAME } from './slice-build.js';

const DELETION_EXPECTED = -1n;

const rvOf = (o: Obj): bigint => {
  try {
    return BigInt(o.metadata.resourceVersion ?? '0');
  } catch {
    return 0n;
  }
};

const serviceKeyOf = (slice: Obj): string => `${slice.metadata.namespace ?? ''}/${slice.metadata.labels?.[LABEL_SERVICE_NAME] ?? ''}`;

export class SliceTracker {
  private readonly byService = new Map<string, Map<string, bigint>>();

  private versions(slice: Obj, create = false): Map<string, bigint> | undefined {
    const k = serviceKeyOf(slice);
    let m = this.byService.get(k);
    if (!m && create) this.byService.set(k, (m = new Map()));
    return m;
  }

  /** Update: this controller wrote slice (as returned by the server). */
  update(slice: Obj): void {
    this.versions(slice, true)!.set(slice.metadata.uid ?? '', rvOf(slice));
  }

  expectDeletion(slice: Obj): void {
    this.versions(slice, true)!.set(slice.metadata.uid ?? '', DELETION_EXPECTED);
  }

  /** ShouldSync: a slice this controller did not write, or one changed since. */
  shouldSync(slice: Obj): boolean {
    const v = this.versions(slice)?.get(slice.metadata.uid ?? '');
    return v === undefined || rvOf(slice) > v;
  }

  /** HandleDeletion: true when the deletion was this controller's own. */
  handleDeletion(slice: Obj): boolean {
    const m = this.versions(slice);
    const v = m?.get(slice.metadata.uid ?? '');
    m?.delete(slice.metadata.uid ?? '');
    return v === DELETION_EXPECTED;
  }

  /** StaleSlices: the cache lags what this controller wrote for the service. */
  stale(serviceKey: string, slices: Obj[]): boolean {
    const m = this.byService.get(serviceKey);
    if (!m) return false;
    const seen = new Set<string>();
    for (const s of slices) {
      const uid = s.metadata.uid ?? '';
      seen.add(uid);
      const v = m.get(uid);
      if (v !== undefined && (v === DELETION_EXPECTED || v > rvOf(s))) return true;
    }
    for (const [uid, v] of m) if (v !== DELETION_EXPECTED && !seen.has(uid)) return true;
    return false;
  }

  deleteService(serviceKey: string): void {
    this.byService.delete(serviceKey);
  }
}
