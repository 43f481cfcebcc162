// rbac validation's Covers: every servant rule is broken down to one verb, one group, one
// resource and at most one name (or one non-resource URL with one verb); a piece is covered when
// one owner rule covers it whole — `*` verbs, groups and resources, `*/sub` for any resource's
// subresource, a trailing `*` on a URL, an owner without resourceNames for any name.
import { breakdown, type PolicyRule } from '../rules.js';

const has = (set: readonly string[] | undefined, x: string): boolean => (set ?? []).includes(x);

const hasAll = (set: readonly string[] | undefined, xs: readonly string[] | undefined): boolean => (xs ?? []).every((x) => has(set, x));

function resourceCoversAll(set: string[] | undefined, covers: string[] | undefined): boolean {
  if (has(set, '*') || hasAll(set, covers)) return true;
  return (covers ?? []).every((path) => {
    if (has(set, path)) return true;
    const slash = path.indexOf('/');
    return slash >= 0 && has(set, `*/${path.slice(slash + 1)}`);
  });
}

function nonResourceURLCovers(owner: string, sub: string): boolean {
  return owner === sub || (owner.endsWith('*') && sub.startsWith(owner.replace(/\*+$/, '')));
}

const nonResourceURLsCoverAll = (set: string[] | undefined, covers: string[] | undefined): boolean =>
  (covers ?? []).every((path) => (set ?? []).some((owner) => nonResourceURLCovers(owner, path)));

/** ruleCovers: whether the owner rule covers a broken-down rule. */
export function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const ownerNames = owner.resourceNames ?? [];
  const names = (sub.resourceNames ?? []).length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, sub.resourceNames);
  return verbs && groups && resourceCoversAll(owner.resources, sub.resources) && names && nonResourceURLsCoverAll(owner.nonResourceURLs, sub.nonResourceURLs);
}

/** Covers: the broken-down servant rules no owner rule covers (none: the owners cover them all). */
export function uncovered(owners: PolicyRule[], servants: PolicyRule[]): PolicyRule[] {
  const pieces = servants.flatMap((r) => breakdown({ ...r, verbs: r.verbs ?? [] }));
  return pieces.filter((piece) => !owners.some((owner) => ruleCovers(owner, piece)));
}
