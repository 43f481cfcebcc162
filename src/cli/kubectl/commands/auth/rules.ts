// `auth can-i --list`: the rules of a SelfSubjectRulesReview broken down to one verb/resource/name
// each, simple ones compacted again, sorted by PolicyRule's String(), as rbac's helpers do.
import { alignRows } from '../../../../printers/table.js';
import type { PolicyRule } from '../../../../client/types.js';

export type { PolicyRule };

export interface RulesStatus {
  resourceRules?: PolicyRule[];
  nonResourceRules?: PolicyRule[];
  incomplete?: boolean;
  evaluationError?: string;
}

/** rbac's BreakdownRule: one verb, one group, one resource and at most one name (or one URL) each. */
export function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length === 0) out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        else for (const n of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [n] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = (r.resourceNames ?? []).length <= 1 && (r.nonResourceURLs ?? []).length === 0 && r.apiGroups?.length === 1 && r.resources?.length === 1;
    if (!isSimple) { out.push(r); continue; }
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames ?? null]);
    const seen = simple.get(key);
    if (seen) seen.verbs = [...new Set([...seen.verbs, ...r.verbs])];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

const goList = (xs: string[] | undefined): string => `[${(xs ?? []).join(' ')}]`;

/** rbacv1.PolicyRule's String(), the sort key. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  const first = resources?.[0];
  if (first === undefined) return '';
  const [res, sub] = first.split(/\/(.*)/s) as [string, string | undefined];
  let out = res;
  if (groups?.[0]) out += `.${groups[0]}`;
  if (sub !== undefined && first.includes('/')) out += `/${sub}`;
  return out;
}

export function printRules(status: RulesStatus, noHeaders: boolean): string {
  const rules = [...(status.resourceRules ?? []), ...(status.nonResourceRules ?? [])].flatMap(breakdown);
  const sorted = compact(rules).map((r) => ({ r, key: ruleString(r) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const lines = sorted.map(({ r }) => `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`);
  const header = noHeaders ? [] : ['Resources\tNon-Resource URLs\tResource Names\tVerbs'];
  const text = [...header, ...lines].join('\n');
  return text === '' ? '' : alignRows(text.split('\n').map((l) => l.split('\t')));
}
