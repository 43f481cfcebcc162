// fieldpath.Set: a tree of path elements. `members` are the paths that belong to the set; a child
// holds the members below one element, and being a child does not make that element a member
// (owning `.spec.replicas` does not mean owning `.spec`).
import { comparePE, serializePE, type Path, type PathElement } from './path-element.js';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

export class FieldSet {
  /** Keyed by the serialized element, which is canonical. */
  readonly members = new Map<string, PathElement>();
  readonly children = new Map<string, Child>();

  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Set.Insert; the empty path (the whole object) is not tracked. */
  insert(path: Path): void {
    if (path.length === 0) return;
    let s: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) s = s.descend(path[i]!);
    const last = path[path.length - 1]!;
    s.members.set(serializePE(last), last);
  }

  private descend(pe: PathElement): FieldSet {
    const k = serializePE(pe);
    let c = this.children.get(k);
    if (!c) {
      c = { pe, set: new FieldSet() };
      this.children.set(k, c);
    }
    return c.set;
  }

  has(path: Path): boolean {
    let s: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && s; i++) s = s.children.get(serializePE(path[i]!))?.set;
    const last = path[path.length - 1];
    return !!s && last !== undefined && s.members.has(serializePE(last));
  }

  hasMember(pe: PathElement): boolean {
    return this.members.has(serializePE(pe));
  }

  /** The members below pe (Set.WithPrefix); empty when there are none. */
  withPrefix(pe: PathElement): FieldSet {
    return this.children.get(serializePE(pe))?.set ?? new FieldSet();
  }

  empty(): boolean {
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.set.empty()) return false;
    return true;
  }

  union(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of [...this.members, ...o.members]) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      const other = o.children.get(k);
      out.children.set(k, { pe: c.pe, set: other ? c.set.union(other.set) : c.set });
    }
    for (const [k, c] of o.children) if (!out.children.has(k)) out.children.set(k, c);
    return out;
  }

  intersection(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      const other = o.children.get(k);
      if (!other) continue;
      const res = c.set.intersection(other.set);
      if (!res.empty()) out.children.set(k, { pe: c.pe, set: res });
    }
    return out;
  }

  /** Set.Difference: parent - child = parent, child - parent = {}. */
  difference(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      const other = o.children.get(k);
      if (!other) {
        out.children.set(k, c);
        continue;
      }
      const diff = c.set.difference(other.set);
      if (!diff.empty()) out.children.set(k, { pe: c.pe, set: diff });
    }
    return out;
  }

  /** Set.RecursiveDifference: a member of o removes that element and all below it. */
  recursiveDifference(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      if (o.members.has(k)) continue;
      const other = o.children.get(k);
      if (!other) {
        out.children.set(k, c);
        continue;
      }
      const diff = c.set.recursiveDifference(other.set);
      if (!diff.empty()) out.children.set(k, { pe: c.pe, set: diff });
    }
    return out;
  }

  equals(o: FieldSet): boolean {
    return this.difference(o).empty() && o.difference(this).empty();
  }

  /** Members, then children, each in PathElement order (Set.Iterate). */
  paths(prefix: Path = []): Path[] {
    const out: Path[] = [];
    for (const pe of sortedMembers(this)) out.push([...prefix, pe]);
    for (const c of sortedChildren(this)) out.push(...c.set.paths([...prefix, c.pe]));
    return out;
  }
}

export function sortedMembers(s: FieldSet): PathElement[] {
  return [...s.members.values()].sort(comparePE);
}

export function sortedChildren(s: FieldSet): Child[] {
  return [...s.children.values()].sort((a, b) => comparePE(a.pe, b.pe));
}
