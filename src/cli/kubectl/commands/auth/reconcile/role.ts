// ReconcileRoleOptions.Run for Roles and ClusterRoles: a missing role is created as given; an
// existing one gets the expected labels and annotations merged under its own, the rules it does
// not cover appended (or, with --remove-extra-permissions, its rules replaced when they differ
// either way) and its aggregation selectors reconciled the same way. An object annotated
// autoupdate "false" and a dry run only report. A create that meets AlreadyExists, or an update
// that meets NotFound, starts over (three attempts in all).
import { isAlreadyExists, isNotFound, type Obj } from '../../../../../client/types.js';
import { typedValue } from '../../create/go-typed.js';
import type { PolicyRule } from '../rules.js';
import { uncovered } from './covers.js';
import { deepCopy, isProtected, isRecord, mapsEqual, mergeMaps, metaMap, nameOf, namespaceOf, rulesOf, setMetaMap, type Json } from './objects.js';

export type Operation = 'create' | 'update' | 'recreate' | 'none';

export interface RoleResult {
  /** what was written (the server's answer), or would be */
  role: Obj;
  missingRules: PolicyRule[];
  extraRules: PolicyRule[];
  operation: Operation;
  protected: boolean;
}

/** RuleOwnerModifier */
export interface RoleClient {
  get(namespace: string, name: string): Promise<Obj>;
  create(obj: Obj): Promise<Obj>;
  update(obj: Obj): Promise<Obj>;
}

export interface RoleOptions {
  expected: Obj;
  /** false: a dry run */
  confirm: boolean;
  removeExtraPermissions: boolean;
  client: RoleClient;
}

interface AggregationRule {
  clusterRoleSelectors?: unknown[];
}

/** GetAggregationRule: a Role never has one. */
function aggregationOf(o: Obj): AggregationRule | undefined {
  const a = (o as unknown as Json).aggregationRule;
  return o.kind === 'ClusterRole' && isRecord(a) ? (a as AggregationRule) : undefined;
}

function setAggregation(o: Obj, a: AggregationRule | undefined): void {
  if (o.kind !== 'ClusterRole') return;
  if (a === undefined) delete (o as unknown as Json).aggregationRule;
  else (o as unknown as Json).aggregationRule = a;
}

const selectorsOf = (a: AggregationRule | undefined): unknown[] => (Array.isArray(a?.clusterRoleSelectors) ? a.clusterRoleSelectors : []);

/** equality.Semantic on LabelSelectors: empty and missing lists and maps are the same. */
const selectorKey = (s: unknown): string => JSON.stringify(typedValue('meta/v1.LabelSelector', s));

/** aggregationRuleCovers: the servant's selectors the owner lacks. */
function uncoveredSelectors(owner: AggregationRule | undefined, servant: AggregationRule | undefined): unknown[] {
  if (servant === undefined) return [];
  if (owner === undefined) return selectorsOf(servant);
  const have = new Set(selectorsOf(owner).map(selectorKey));
  return selectorsOf(servant).filter((s) => !have.has(selectorKey(s)));
}

/** Labels and annotations: the expected ones merged under the existing ones; true when that changed them. */
function mergeMeta(role: Obj, existing: Obj, expected: Obj): boolean {
  let changed = false;
  for (const field of ['annotations', 'labels'] as const) {
    const merged = mergeMaps(metaMap(expected, field), metaMap(role, field));
    setMetaMap(role, field, merged);
    if (!mapsEqual(merged, metaMap(existing, field))) changed = true;
  }
  return changed;
}

function reconcileRules(r: RoleResult, existing: Obj, expected: Obj, removeExtra: boolean): void {
  if (aggregationOf(expected) === undefined || aggregationOf(existing) === undefined) r.extraRules = uncovered(rulesOf(expected), rulesOf(existing));
  r.missingRules = uncovered(rulesOf(existing), rulesOf(expected));
  const role = r.role as unknown as Json;
  if (!removeExtra && r.missingRules.length > 0) {
    role.rules = [...rulesOf(r.role), ...r.missingRules];
    r.operation = 'update';
  } else if (removeExtra && (r.missingRules.length > 0 || r.extraRules.length > 0)) {
    const rules = (expected as unknown as Json).rules;
    role.rules = Array.isArray(rules) ? deepCopy(rules) : null;
    r.operation = 'update';
  }
}

function reconcileAggregation(r: RoleResult, existing: Obj, expected: Obj, removeExtra: boolean): void {
  const want = aggregationOf(expected);
  const have = aggregationOf(existing);
  const extra = uncoveredSelectors(want, have);
  const missing = uncoveredSelectors(have, want);
  if (want === undefined && have !== undefined) {
    setAggregation(r.role, undefined);
    r.operation = 'update';
  } else if (!removeExtra && missing.length > 0) {
    const current = aggregationOf(r.role) ?? {};
    setAggregation(r.role, { ...current, clusterRoleSelectors: [...selectorsOf(current), ...missing] });
    r.operation = 'update';
  } else if (removeExtra && (missing.length > 0 || extra.length > 0)) {
    setAggregation(r.role, deepCopy(want));
    r.operation = 'update';
  }
}

/** computeReconciledRole: what the existing role must become to hold the expected permissions. */
export function computeReconciledRole(existing: Obj, expected: Obj, removeExtra: boolean): RoleResult {
  const r: RoleResult = { role: deepCopy(existing), missingRules: [], extraRules: [], operation: 'none', protected: isProtected(existing) };
  if (mergeMeta(r.role, existing, expected)) r.operation = 'update';
  reconcileRules(r, existing, expected, removeExtra);
  reconcileAggregation(r, existing, expected, removeExtra);
  return r;
}

async function plan(o: RoleOptions): Promise<RoleResult> {
  let existing: Obj;
  try {
    existing = await o.client.get(namespaceOf(o.expected), nameOf(o.expected));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return { role: o.expected, missingRules: rulesOf(o.expected), extraRules: [], operation: 'create', protected: false };
  }
  return computeReconciledRole(existing, o.expected, o.removeExtraPermissions);
}

/** ReconcileRoleOptions.Run */
export async function reconcileRole(o: RoleOptions, attempts = 0): Promise<RoleResult> {
  if (attempts > 2) throw new Error('exceeded maximum attempts');
  const r = await plan(o);
  if (r.protected || !o.confirm) return r;
  try {
    if (r.operation === 'create') r.role = await o.client.create(r.role);
    else if (r.operation === 'update') r.role = await o.client.update(r.role);
  } catch (err) {
    const retry = r.operation === 'create' ? isAlreadyExists(err) : isNotFound(err);
    if (retry) return reconcileRole(o, attempts + 1);
    throw err;
  }
  return r;
}
