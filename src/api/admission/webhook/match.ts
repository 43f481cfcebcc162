// Which admission webhooks a request goes to (apiserver's webhook/generic ShouldCallHook): the
// namespace selector, the object selector (the new or the old object's labels), then the rules
// (operation, group, version, resource/subresource, scope). Webhook and policy configurations are
// never sent to webhooks, so a broken webhook can always be removed.
import type { AdmissionRequest } from '../../registry/admission.js';
import type { KObject } from '../../types.js';
import { fromLabelSelector, matchesLabels } from '../../selectors/labels.js';

export interface LabelSelectorJson {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface RuleWithOperations {
  operations?: string[];
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  scope?: string;
}

export interface WebhookSpec {
  name: string;
  clientConfig: { url?: string; caBundle?: string; service?: { namespace: string; name: string; path?: string; port?: number } };
  rules?: RuleWithOperations[];
  failurePolicy?: 'Fail' | 'Ignore';
  namespaceSelector?: LabelSelectorJson;
  objectSelector?: LabelSelectorJson;
  sideEffects?: string;
  timeoutSeconds?: number;
  admissionReviewVersions?: string[];
  reinvocationPolicy?: 'Never' | 'IfNeeded';
  matchConditions?: { name: string; expression: string }[];
}

const EXEMPT_KINDS = new Set(['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding']);

/** IsExemptAdmissionConfigurationResource. */
export const isExempt = (req: AdmissionRequest): boolean => req.d.group === 'admissionregistration.k8s.io' && EXEMPT_KINDS.has(req.d.kind);

const isNamespaceResource = (req: AdmissionRequest): boolean => req.d.plural === 'namespaces';

/** The namespace a request is in, as admission sees it: a Namespace object's own name. */
export const requestNamespace = (req: AdmissionRequest): string => (req.d.group === '' && isNamespaceResource(req) ? req.name : req.namespace ?? '');

const exactOrWildcard = (items: string[] | undefined, want: string): boolean => (items ?? []).some((i) => i === '*' || i === want);

function scopeMatches(rule: RuleWithOperations, req: AdmissionRequest): boolean {
  const ns = requestNamespace(req);
  const namespaceObject = req.d.group === '' && isNamespaceResource(req);
  switch (rule.scope ?? '*') {
    case '*': return true;
    case 'Namespaced': return !namespaceObject && ns !== '';
    case 'Cluster': return namespaceObject || ns === '';
    default: return false;
  }
}

function resourceMatches(rule: RuleWithOperations, req: AdmissionRequest): boolean {
  return (rule.resources ?? []).some((r) => {
    const slash = r.indexOf('/');
    const [res, sub] = slash < 0 ? [r, ''] : [r.slice(0, slash), r.slice(slash + 1)];
    return (res === '*' || res === req.d.plural) && (sub === '*' || sub === req.subresource);
  });
}

/** rules.Matcher.Matches. */
export function ruleMatches(rule: RuleWithOperations, req: AdmissionRequest): boolean {
  return scopeMatches(rule, req) && exactOrWildcard(rule.operations, req.op) && exactOrWildcard(rule.apiGroups, req.d.group) &&
    exactOrWildcard(rule.apiVersions, req.d.version) && resourceMatches(rule, req);
}

const emptySelector = (s: LabelSelectorJson | undefined): boolean => !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);

/** The labels the namespace selector is matched against; undefined when the namespace is not there. */
export type NamespaceLabels = (name: string) => Promise<Record<string, string> | undefined>;

export type MatchResult = { call: boolean } | { error: 'namespace-not-found'; namespace: string };

interface Selectors {
  namespaceSelector?: LabelSelectorJson;
  objectSelector?: LabelSelectorJson;
}

/** The selector half of matching: false when a selector says no; else whether the namespace was missing. */
async function selectorsMatch(s: Selectors, req: AdmissionRequest, namespaceLabels: NamespaceLabels): Promise<false | { nsMissing: boolean }> {
  let nsMissing = false;
  const ns = requestNamespace(req);
  if (!(ns === '' && !isNamespaceResource(req)) && !emptySelector(s.namespaceSelector)) {
    const own = isNamespaceResource(req) && req.op !== 'DELETE' && req.subresource === '' && req.obj !== undefined;
    const labels = own ? req.obj!.metadata.labels ?? {} : await namespaceLabels(ns);
    if (labels === undefined) nsMissing = true;
    else if (!matchesLabels(fromLabelSelector(s.namespaceSelector), labels)) return false;
  }
  if (!emptySelector(s.objectSelector)) {
    const sel = fromLabelSelector(s.objectSelector);
    // an object without metadata (a CONNECT's options) never matches (meta.Accessor fails upstream)
    const matches = (o: KObject | undefined): boolean => o?.metadata !== undefined && matchesLabels(sel, o.metadata.labels ?? {});
    if (!matches(req.obj) && !matches(req.old)) return false;
  }
  return { nsMissing };
}

const result = (req: AdmissionRequest, rulesMatch: boolean, nsMissing: boolean): MatchResult =>
  !rulesMatch ? { call: false } : nsMissing ? { error: 'namespace-not-found', namespace: requestNamespace(req) } : { call: true };

/** ShouldCallHook: selectors first (their errors only count for a webhook whose rules match). */
export async function shouldCall(hook: WebhookSpec, req: AdmissionRequest, namespaceLabels: NamespaceLabels): Promise<MatchResult> {
  const sel = await selectorsMatch(hook, req, namespaceLabels);
  if (!sel) return { call: false };
  return result(req, (hook.rules ?? []).some((r) => ruleMatches(r, req)), sel.nsMissing);
}

/** A policy's rule: a webhook's, limited to some names (none: every name). */
export interface NamedRule extends RuleWithOperations {
  resourceNames?: string[];
}

export interface MatchResources extends Selectors {
  resourceRules?: NamedRule[];
  excludeResourceRules?: NamedRule[];
}

const namedRuleMatches = (rules: NamedRule[] | undefined, req: AdmissionRequest): boolean =>
  (rules ?? []).some((r) => ruleMatches(r, req) && (!r.resourceNames?.length || r.resourceNames.includes(req.name)));

/** The policy matcher (policy/generic matching.Matcher): selectors, excluded rules, then rules (none: all). */
export async function matchesResources(mr: MatchResources, req: AdmissionRequest, namespaceLabels: NamespaceLabels): Promise<MatchResult> {
  const sel = await selectorsMatch(mr, req, namespaceLabels);
  if (!sel) return { call: false };
  if (namedRuleMatches(mr.excludeResourceRules, req)) return { call: false };
  const rules = mr.resourceRules ?? [];
  return result(req, rules.length === 0 || namedRuleMatches(rules, req), sel.nsMissing);
}
