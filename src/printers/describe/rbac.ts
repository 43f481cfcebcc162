// RoleDescriber, ClusterRoleDescriber (rules broken down, compacted and sorted as kubectl's
// util/rbac does), RoleBindingDescriber and ClusterRoleBindingDescriber.
import type { Obj } from '../../client/types.js';
import { rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { goStable } from './gosort.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, LEVEL_1, tabbed } from './writer.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<Rule>): Rule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

/** rbac.BreakdownRule: one verb, resource and resource name per rule. */
export function breakdown(r: Fields): Rule[] {
  const out: Rule[] = [];
  const verbs = strs(r.verbs);
  const names = strs(r.resourceNames);
  for (const group of strs(r.apiGroups)) {
    for (const resource of strs(r.resources)) {
      for (const verb of verbs) {
        if (names.length > 0) for (const n of names) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [n] }));
        else out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb] }));
      }
    }
  }
  for (const url of strs(r.nonResourceURLs)) for (const verb of verbs) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** rbac.CompactRules: simple rules (one group, resource, at most one name) merge their verbs. */
export function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...out, ...simple.values()];
}

const goList = (l: string[]): string => `[${l.join(' ')}]`;

/** PolicyRule.String(), the sort key. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `pods`, `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(resources: string[], groups: string[]): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let out = slash < 0 ? first : first.slice(0, slash);
  if (groups[0] !== undefined && groups[0] !== '') out += `.${groups[0]}`;
  if (slash >= 0) out += `/${first.slice(slash + 1)}`;
  return out;
}

function describeRoleObject(role: Obj): string {
  const rules = goStable(compact(recs(role.rules).flatMap(breakdown)), (a, b) => ruleString(a) < ruleString(b));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', role.metadata.labels);
    printAnnotations(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
    }
  });
}

export async function describeRole(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  return describeRoleObject(await getObject(env, apiPath('rbac.authorization.k8s.io/v1', 'roles', namespace, name)));
}

export async function describeClusterRole(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  return describeRoleObject(await getObject(env, apiPath('rbac.authorization.k8s.io/v1', 'clusterroles', undefined, name)));
}

function describeBindingObject(binding: Obj): string {
  const ref = rec(binding.roleRef);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', binding.metadata.labels);
    printAnnotations(w, 'Annotations', binding.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${str(ref.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ref.name)}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of recs(binding.subjects)) w.write(LEVEL_1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
  });
}

export async function describeRoleBinding(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  return describeBindingObject(await getObject(env, apiPath('rbac.authorization.k8s.io/v1', 'rolebindings', namespace, name)));
}

export async function describeClusterRoleBinding(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  return describeBindingObject(await getObject(env, apiPath('rbac.authorization.k8s.io/v1', 'clusterrolebindings', undefined, name)));
}
