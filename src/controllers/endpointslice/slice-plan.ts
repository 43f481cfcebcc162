// The EndpointSlice reconciler's plan (k8s.io/endpointslice reconciler.go, v1.32), as a pure
// function of the service, the desired endpoints grouped by port set, and the existing slices:
// keep endpoints where they are, update changed ones in place, fill slices that change anyway,
// then the unchanged slice closest to full, then new slices of at most max endpoints; keep one
// empty placeholder slice when nothing else exists; turn creates into updates of slices that
// would be deleted.
import type { Obj } from '../../client/types.js';
import type { AddressType, Slice, SliceEndpoint, SlicePort } from './slice-build.js';
import { endpointKey, endpointsEqualBeyondHash, newSlice, ownedBy, portMapKey, sliceLabels } from './slice-build.js';

export interface Plan {
  create: Slice[];
  update: Slice[];
  delete: Slice[];
}

/** Desired endpoints of one port set, keyed by endpointKey (insertion order is pop order). */
export interface DesiredGroup {
  ports: SlicePort[];
  endpoints: Map<string, SliceEndpoint>;
}

function popAny(set: Map<string, SliceEndpoint>): SliceEndpoint {
  const [k, v] = set.entries().next().value as [string, SliceEndpoint];
  set.delete(k);
  return v;
}

/** getSliceToFill: the slice that ends closest to full after taking n endpoints. */
function sliceToFill(slices: Slice[], n: number, max: number): Slice | undefined {
  let best: Slice | undefined;
  let closest = max;
  for (const s of slices) {
    const diff = max - (n + s.endpoints.length);
    if (diff >= 0 && diff < closest) {
      closest = diff;
      best = s;
      if (diff === 0) break;
    }
  }
  return best;
}

interface Book {
  byName: Map<string, Slice>;
  unchanged: Set<string>;
  update: Set<string>;
  remove: Set<string>;
}

/** Step 1: keep desired endpoints where they are; mark slices changed, emptied or unchanged. */
function sortExisting(svc: Obj, existing: Slice[], desired: Map<string, SliceEndpoint>): Book {
  const book: Book = { byName: new Map(), unchanged: new Set(), update: new Set(), remove: new Set() };
  for (const s of existing) {
    const name = s.metadata.name ?? '';
    book.byName.set(name, s);
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const ep of s.endpoints ?? []) {
      const k = endpointKey(ep);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!endpointsEqualBeyondHash(want, ep)) changed = true;
      desired.delete(k);
    }
    const { labels, changed: relabel } = sliceLabels(s, svc);
    const copy = (endpoints: SliceEndpoint[]) => ({ ...structuredClone(s), endpoints, metadata: { ...structuredClone(s.metadata), labels } });
    if (changed || (s.endpoints ?? []).length !== kept.length) {
      if (!kept.length) book.remove.add(name);
      else (book.byName.set(name, copy(kept)), book.update.add(name));
    } else if (relabel) (book.byName.set(name, copy(s.endpoints ?? [])), book.update.add(name));
    else book.unchanged.add(name);
  }
  return book;
}

/** reconcileByPortMapping. */
export function planPortGroup(svc: Obj, existing: Slice[], group: DesiredGroup, type: AddressType, max: number): Plan {
  const desired = new Map(group.endpoints);
  const book = sortExisting(svc, existing, desired);
  const updating = [...book.update].map((n) => book.byName.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length);
  for (const s of updating) while (desired.size && s.endpoints.length < max) s.endpoints.push(popAny(desired));
  const create: Slice[] = [];
  while (desired.size) {
    const candidate = desired.size < max && book.unchanged.size
      ? sliceToFill([...book.unchanged].map((n) => book.byName.get(n)!), desired.size, max) : undefined;
    const fill = candidate ? structuredClone(candidate) : newSlice(svc, group.ports, type);
    while (desired.size && fill.endpoints.length < max) fill.endpoints.push(popAny(desired));
    const name = fill.metadata.name;
    if (!name) create.push(fill);
    else (book.byName.set(name, fill), book.update.add(name), book.unchanged.delete(name));
  }
  const pick = (names: Set<string>) => [...names].map((n) => book.byName.get(n)!);
  return { create, update: pick(book.update), delete: pick(book.remove) };
}

const refText = (o: Obj) => JSON.stringify((o.metadata.ownerReferences ?? []).map((r) => [r.apiVersion, r.kind, r.name, r.uid, !!r.controller, !!r.blockOwnerDeletion]));
const sameLabels = (a: Obj, b: Obj) => JSON.stringify(Object.entries(a.metadata.labels ?? {}).sort()) === JSON.stringify(Object.entries(b.metadata.labels ?? {}).sort());

/** placeholderSliceCompare: an empty slice with the placeholder's namespace, labels and owner. */
const isPlaceholder = (s: Slice, ph: Slice): boolean =>
  s.metadata.namespace === ph.metadata.namespace && sameLabels(s, ph) && refText(s) === refText(ph)
  && s.addressType === ph.addressType && !(s.endpoints ?? []).length && !(s.ports ?? []).length;

/** reconcileByAddressType. */
export function planAddressType(svc: Obj, existing: Slice[], groups: Map<string, DesiredGroup>, type: AddressType, max: number): Plan {
  const plan: Plan = { create: [], update: [], delete: [] };
  const byPorts = new Map<string, Slice[]>();
  for (const s of existing) {
    if (!ownedBy(s, svc)) plan.delete.push(s);
    else (byPorts.get(portMapKey(s.ports)) ?? byPorts.set(portMapKey(s.ports), []).get(portMapKey(s.ports))!).push(s);
  }
  for (const [key, group] of groups) {
    const p = planPortGroup(svc, byPorts.get(key) ?? [], group, type, max);
    plan.create.push(...p.create);
    plan.update.push(...p.update);
    plan.delete.push(...p.delete);
  }
  for (const [key, slices] of byPorts) if (!groups.has(key)) plan.delete.push(...slices);
  if (existing.length === plan.delete.length && plan.create.length < 1) {
    const ph = newSlice(svc, [], type);
    if (plan.delete.length === 1 && isPlaceholder(plan.delete[0]!, ph)) plan.delete = [];
    else plan.create.push(ph);
  }
  return plan;
}

/** finalize's first step: a slice to create takes the name of one to delete instead. */
export function recycle(svc: Obj, plan: Plan): Plan {
  const create = [...plan.create];
  const update = [...plan.update];
  const del = [...plan.delete];
  for (let i = 0; i < del.length && create.length;) {
    const gone = del[i]!;
    const made = create[create.length - 1]!;
    if (gone.addressType === made.addressType && ownedBy(gone, svc)) {
      made.metadata.name = gone.metadata.name;
      create.pop();
      update.push(made);
      del.splice(i, 1);
    } else i++;
  }
  return { create, update, delete: del };
}
