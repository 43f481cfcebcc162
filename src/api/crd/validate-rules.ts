// A CRD schema's x-kubernetes-validations (CEL rules) checked on a custom resource as
// apiextensions-apiserver's schema/cel Validator does (v1.32): each node's rules with `self` its
// value (typed by the schema: integer fields are CEL ints, number fields doubles) and, on update,
// `oldSelf` the old value at the same path (properties and map keys correlate; list items do not),
// a rule that reads oldSelf only when there is one. A false rule is a field error on the node
// (or its fieldPath) with the rule's message, messageExpression, or "failed rule: <rule>"; an
// evaluation error is "<error> evaluating rule: <rule>". Only run when the schema checks passed
// (strategy.go's hasBlockingErr).
import type { FieldError } from '../types.js';
import { duplicate, forbidden, invalid, required } from '../validation/field.js';
import { CelError, evaluate, toCel } from '../cel/cel.js';
import { isObject, type JSONSchemaProps } from './schema.js';

interface Rule {
  rule?: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
}

type RuleSchema = JSONSchemaProps & { 'x-kubernetes-validations'?: Rule[] };

/** Whether any node of the schema has rules. */
export function hasRules(s: RuleSchema | undefined): boolean {
  if (!s) return false;
  if ((s['x-kubernetes-validations'] ?? []).length) return true;
  return Object.values(s.properties ?? {}).some(hasRules) || hasRules(s.items as RuleSchema) || (isObject(s.additionalProperties) && hasRules(s.additionalProperties as RuleSchema));
}

/** UnstructuredToVal: the value as CEL sees it under its schema. */
function typed(s: RuleSchema | undefined, v: unknown): unknown {
  if (v === null || v === undefined || !s) return toCel(v ?? null);
  if (typeof v === 'number') return s.type === 'number' ? v : toCel(v);
  if (Array.isArray(v)) return v.map((x) => typed(s.items as RuleSchema, x));
  if (isObject(v)) {
    const sub = (k: string): RuleSchema | undefined => (s.properties?.[k] ?? (isObject(s.additionalProperties) ? s.additionalProperties : undefined)) as RuleSchema | undefined;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, s['x-kubernetes-preserve-unknown-fields'] && !sub(k) ? toCel(x) : typed(sub(k), x)]));
  }
  return v;
}

const trim = (s: string | undefined): string => (s ?? '').trim();
const ruleErrorString = (r: Rule): string => (trim(r.message) ? trim(r.message) : trim(r.rule));
const ruleMessageOrDefault = (r: Rule): string => (trim(r.message) ? trim(r.message) : `failed rule: ${ruleErrorString(r)}`);

function fieldErrorForReason(path: string, type: string, detail: string, reason: string | undefined): FieldError {
  switch (reason) {
    case 'FieldValueForbidden': return forbidden(path, detail);
    case 'FieldValueRequired': return required(path, detail);
    case 'FieldValueDuplicate': return duplicate(path, type);
    default: return invalid(path, type, detail);
  }
}

const usesOldSelf = (expr: string | undefined): boolean => /\boldSelf\b/.test(expr ?? '');

/** The node's own rules. */
function nodeRules(path: string, s: RuleSchema, v: unknown, old: unknown, hasOld: boolean): FieldError[] {
  const out: FieldError[] = [];
  const type = s.type ?? '';
  const at = path || '<nil>';
  const ctx = { self: typed(s, v), ...(hasOld ? { oldSelf: typed(s, old) } : {}) };
  for (const r of s['x-kubernetes-validations'] ?? []) {
    if (!r.rule) continue;
    if (usesOldSelf(r.rule) && !hasOld) continue;
    let result: unknown;
    try {
      result = evaluate(r.rule, ctx);
    } catch (err) {
      const detail = err instanceof CelError ? err.detail : String(err);
      out.push(invalid(at, type, detail.startsWith('no such overload')
        ? `'${detail}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(r)}`
        : err instanceof CelError && err.compile ? `rule compile error: ${detail}` : `${detail} evaluating rule: ${ruleErrorString(r)}`));
      continue;
    }
    if (result === true) continue;
    const where = r.fieldPath ? (path ? `${path}${r.fieldPath}` : r.fieldPath.replace(/^\./, '')) : at;
    let message = ruleMessageOrDefault(r);
    if (r.messageExpression) {
      try {
        const m = evaluate(r.messageExpression, ctx);
        if (typeof m === 'string' && m.trim() && !m.includes('\n')) message = m.trim();
      } catch {
        // a failing messageExpression falls back to the message
      }
    }
    out.push(fieldErrorForReason(where, type, message, r.reason));
  }
  return out;
}

/** The rule errors of value v (old: the stored value at the same path, on update). */
export function validateRules(path: string, s: RuleSchema | undefined, v: unknown, old: unknown, hasOld: boolean): FieldError[] {
  if (!s || v === undefined || v === null) return [];
  const out = nodeRules(path, s, v, old, hasOld);
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if (isObject(v)) {
    const oldObj = hasOld && isObject(old) ? old : undefined;
    for (const k of Object.keys(v)) {
      const sub = (s.properties?.[k] ?? (isObject(s.additionalProperties) ? s.additionalProperties : undefined)) as RuleSchema | undefined;
      if (!sub || !hasRules(sub)) continue;
      const childPath = s.properties?.[k] ? at(k) : `${path}[${k}]`;
      out.push(...validateRules(childPath, sub, v[k], oldObj?.[k], oldObj !== undefined && k in oldObj));
    }
  } else if (Array.isArray(v) && hasRules(s.items as RuleSchema)) {
    v.forEach((x, i) => out.push(...validateRules(`${path}[${i}]`, s.items as RuleSchema, x, undefined, false)));
  }
  return out;
}
