// Reads the RBAC fields out of stored objects (plain JSON), tolerating absent or malformed
// fields the way a typed decode would leave them empty.
import type { KObject } from '../types.js';
import type { PolicyRule, RoleRef, Subject } from './types.js';

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function decodeRule(raw: unknown): PolicyRule {
  const r = record(raw);
  const rule: PolicyRule = { verbs: strings(r.verbs) ?? [] };
  const apiGroups = strings(r.apiGroups);
  const resources = strings(r.resources);
  const resourceNames = strings(r.resourceNames);
  const nonResourceURLs = strings(r.nonResourceURLs);
  if (apiGroups?.length) rule.apiGroups = apiGroups;
  if (resources?.length) rule.resources = resources;
  if (resourceNames?.length) rule.resourceNames = resourceNames;
  if (nonResourceURLs?.length) rule.nonResourceURLs = nonResourceURLs;
  return rule;
}

/** The `rules` of a Role or ClusterRole. */
export function rulesOf(role: KObject): PolicyRule[] {
  return Array.isArray(role.rules) ? role.rules.map(decodeRule) : [];
}

/** The `subjects` of a RoleBinding or ClusterRoleBinding. */
export function subjectsOf(binding: KObject): Subject[] {
  if (!Array.isArray(binding.subjects)) return [];
  return binding.subjects.map((raw) => {
    const s = record(raw);
    const subject: Subject = { kind: str(s.kind), name: str(s.name) };
    if (s.apiGroup !== undefined) subject.apiGroup = str(s.apiGroup);
    if (s.namespace !== undefined) subject.namespace = str(s.namespace);
    return subject;
  });
}

/** The `roleRef` of a RoleBinding or ClusterRoleBinding. */
export function roleRefOf(binding: KObject): RoleRef {
  const r = record(binding.roleRef);
  return { apiGroup: str(r.apiGroup), kind: str(r.kind), name: str(r.name) };
}

export function nameOf(obj: KObject): string {
  return obj.metadata.name ?? '';
}
