// The rules `create role` and `create clusterrole` build: --verb (deduplicated, `*` alone),
// --resource=resource[.group][/subresource] resolved through discovery, --resource-name; one rule
// per API group (groups sorted), plus one for --non-resource-url.
import type { Ctx } from '../../context.js';
import type { GroupResource, RuleMapper } from './rbac-resources.js';
import type { PolicyRule } from '../../../../client/types.js';

export interface ResourceOption extends GroupResource {
  subresource: string;
}

export const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

const SPECIAL_VERBS: Record<string, GroupResource[]> = {
  use: [{ group: 'policy', resource: 'podsecuritypolicies' }, { group: 'extensions', resource: 'podsecuritypolicies' }],
  bind: [{ group: 'rbac.authorization.k8s.io', resource: 'roles' }, { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }],
  escalate: [{ group: 'rbac.authorization.k8s.io', resource: 'roles' }, { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }],
  impersonate: [
    { group: '', resource: 'users' }, { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' }, { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

export const unique = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) === i);

/** Verbs deduplicated in order; a `*` anywhere stands alone. */
export function parseVerbs(raw: string[]): string[] {
  return raw.includes('*') ? ['*'] : unique(raw);
}

export function parseResources(raw: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of raw) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const dot = head.indexOf('.');
    const option = {
      resource: dot < 0 ? head : head.slice(0, dot),
      group: dot < 0 ? '' : head.slice(dot + 1),
      subresource: slash < 0 ? '' : r.slice(slash + 1),
    };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/** validateResource: special verbs only on their resources; a failed lookup is the error. */
export async function validateResources(mapper: RuleMapper, verbs: string[], resources: ResourceOption[]): Promise<void> {
  for (const r of resources) {
    if (r.resource === '') throw new Error('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = await mapper.resourceFor(r);
    let err: Error | undefined = found instanceof Error ? found : undefined;
    const gr = found instanceof Error ? r : found;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (allowed === undefined) continue;
      if (!allowed.some((x) => x.group === gr.group && x.resource === gr.resource)) {
        throw new Error(`can not perform '${v}' on '${gr.resource}' in group '${gr.group}'`);
      }
      err = undefined;
    }
    if (err) throw err;
  }
}

export async function policyRules(mapper: RuleMapper, verbs: string[], resources: ResourceOption[], resourceNames: string[], urls: string[]): Promise<PolicyRule[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = await mapper.resourceFor(r);
    const gr = found instanceof Error ? { group: r.group, resource: r.resource } : found;
    const name = r.subresource ? `${gr.resource}/${r.subresource}` : gr.resource;
    const list = byGroup.get(gr.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(gr.group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({ verbs, apiGroups: [g], resources: byGroup.get(g)!, resourceNames }));
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

/** The flags both role generators read. */
export function ruleFlags(ctx: Ctx): { verbs: string[]; resources: ResourceOption[]; resourceNames: string[] } {
  return { verbs: parseVerbs(ctx.list('verb')), resources: parseResources(ctx.list('resource')), resourceNames: unique(ctx.list('resource-name')) };
}
