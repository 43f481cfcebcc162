// admissionregistration.k8s.io ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding
// (ValidateValidatingAdmissionPolicy[Binding][Update]). CEL expressions must parse and name only
// declared variables (params only with a paramKind); they are not otherwise type-checked
// (celCompiles).
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral } from '../govalue.js';
import { isObject, obj, objs, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta } from '../meta.js';
import { nameIsDNSSubdomain, pathSegmentName } from '../namefuncs.js';
import { isDNS1035Label, isDNS1123Subdomain, isQualifiedName } from '../names.js';
import { validateLabelSelector } from '../selector.js';
import { FAILURE_POLICIES, goTypedSlice, validateMatchConditions, validateMatchResources } from './admission-rules.js';
import { celCompiles } from '../cel.js';

const REASONS = ['Forbidden', 'Invalid', 'RequestEntityTooLarge'];
const ACTIONS = ['Audit', 'Deny', 'Warn'];
const MAX_AUDIT_ANNOTATIONS = 20;
const MAX_VALUE_EXPRESSION = 5 * 1024;
const CEL_RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);
const BOTH = 'validations or auditAnnotations must contain at least one item';

function paramKind(pk: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = str(pk.apiVersion);
  const avPath = child(fld, 'apiVersion');
  const slashes = apiVersion.split('/').length - 1;
  if (!apiVersion) errs.push(required(avPath));
  else if (slashes > 1) errs.push(invalid(avPath, apiVersion, `unexpected GroupVersion string: ${apiVersion}`));
  else if (apiVersion !== '/') {
    const [group, version] = slashes ? apiVersion.split('/') as [string, string] : ['', apiVersion];
    const g = group ? isDNS1123Subdomain(group) : [];
    if (g.length) errs.push(invalid(avPath, group, g.join(',')));
    if (!version) errs.push(invalid(avPath, apiVersion, 'version must be specified'));
    else if (isDNS1035Label(version).length) errs.push(invalid(avPath, version, isDNS1035Label(version).join(',')));
  }
  const kind = str(pk.kind);
  if (!kind) errs.push(required(child(fld, 'kind')));
  else if (isDNS1035Label(kind.toLowerCase()).length) errs.push(invalid(child(fld, 'kind'), kind, `may have mixed case, but should otherwise match: ${isDNS1035Label(kind.toLowerCase()).join(',')}`));
  return errs;
}

function variable(v: JsonObject, declared: readonly string[], fld: Path): FieldError[] {
  const name = str(v.name);
  const errs: FieldError[] = [];
  if (!name.trim()) errs.push(required(child(fld, 'name'), 'name is not specified'));
  else if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(name) || CEL_RESERVED.has(name)) errs.push(invalid(child(fld, 'name'), name, 'name is not a valid CEL identifier'));
  if (!str(v.expression).trim()) errs.push(required(child(fld, 'expression'), 'expression is not specified'));
  else errs.push(...celCompiles(str(v.expression), declared, child(fld, 'expression')));
  return errs;
}

function validation(v: JsonObject, declared: readonly string[], fld: Path): FieldError[] {
  const errs: FieldError[] = str(v.expression).trim() ? celCompiles(str(v.expression), declared, child(fld, 'expression')) : [required(child(fld, 'expression'), 'expression is not specified')];
  const msgExpr = str(v.messageExpression);
  if (msgExpr && !msgExpr.trim()) errs.push(invalid(child(fld, 'messageExpression'), msgExpr, 'must be non-empty if specified'));
  else errs.push(...celCompiles(msgExpr, declared, child(fld, 'messageExpression')));
  const msg = str(v.message);
  if (msg && !msg.trim()) errs.push(invalid(child(fld, 'message'), msg, 'message must be non-empty if specified'));
  else if (/[\n\r]/.test(msg.trim())) errs.push(invalid(child(fld, 'message'), msg, 'message must not contain line breaks'));
  if (v.reason != null && !REASONS.includes(str(v.reason))) errs.push(notSupported(child(fld, 'reason'), str(v.reason), REASONS));
  return errs;
}

function auditAnnotation(a: JsonObject, policyName: string, declared: readonly string[], fld: Path): FieldError[] {
  const key = str(a.key);
  const errs = policyName
    ? isQualifiedName(`${policyName}/${key}`).map((m) => invalid(child(fld, 'key'), `${policyName}/${key}`, m))
    : [invalid(child(fld, 'key'), key, 'requires metadata.name be non-empty')];
  const value = str(a.valueExpression).trim();
  if (!value) errs.push(required(child(fld, 'valueExpression'), 'valueExpression is not specified'));
  else if (value.length > MAX_VALUE_EXPRESSION) errs.push(required(child(fld, 'valueExpression'), `must not exceed ${MAX_VALUE_EXPRESSION} bytes in length`));
  else errs.push(...celCompiles(str(a.valueExpression), declared, child(fld, 'valueExpression')));
  return errs;
}

function checks(spec: JsonObject, policyName: string, declared: readonly string[], fld: Path): FieldError[] {
  const validations = objs(spec.validations);
  const audits = objs(spec.auditAnnotations);
  if (!validations.length && !audits.length) return [required(child(fld, 'validations'), BOTH), required(child(fld, 'auditAnnotations'), BOTH)];
  const errs = validations.flatMap((v, i) => validation(v, declared, index(child(fld, 'validations'), i)));
  if (audits.length > MAX_AUDIT_ANNOTATIONS) errs.push(invalid(child(fld, 'auditAnnotations'), new GoLiteral('[]admissionregistration.AuditAnnotation{…}'), `must not have more than ${MAX_AUDIT_ANNOTATIONS} auditAnnotations`));
  const keys = new Set<string>();
  audits.forEach((a, i) => {
    const p = index(child(fld, 'auditAnnotations'), i);
    errs.push(...auditAnnotation(a, policyName, declared, p));
    if (keys.has(str(a.key))) errs.push(duplicate(child(p, 'key'), str(a.key)));
    keys.add(str(a.key));
  });
  return errs;
}

/** The variables a policy's expressions are compiled with (plugin/cel's OptionalVariableDeclarations). */
const policyVariables = (spec: JsonObject): string[] =>
  ['object', 'oldObject', 'request', 'namespaceObject', 'authorizer', 'variables', ...(isObject(spec.paramKind) ? ['params'] : [])];

function policySpec(spec: JsonObject, policyName: string, matchConditions: boolean, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const declared = policyVariables(spec);
  const failure = spec.failurePolicy;
  if (failure == null) errs.push(required(child(fld, 'failurePolicy')));
  else if (!FAILURE_POLICIES.includes(str(failure))) errs.push(notSupported(child(fld, 'failurePolicy'), str(failure), FAILURE_POLICIES));
  if (isObject(spec.paramKind)) errs.push(...paramKind(spec.paramKind, child(fld, 'paramKind')));
  if (!isObject(spec.matchConstraints)) errs.push(required(child(fld, 'matchConstraints')));
  else {
    errs.push(...validateMatchResources(spec.matchConstraints, child(fld, 'matchConstraints')));
    if (!objs(spec.matchConstraints.resourceRules).length) errs.push(required(child(fld, 'matchConstraints', 'resourceRules')));
  }
  if (matchConditions) errs.push(...validateMatchConditions(spec.matchConditions, child(fld, 'matchConditions'), declared));
  objs(spec.variables).forEach((v, i) => errs.push(...variable(v, declared, index(child(fld, 'variables'), i))));
  return [...errs, ...checks(spec, policyName, declared, fld)];
}

export function validateValidatingAdmissionPolicy(p: KObject, old?: KObject): FieldError[] {
  const spec = obj(p.spec);
  const o = old && obj(old.spec);
  const unchanged = o && JSON.stringify([spec.paramKind ?? null, spec.matchConditions ?? null]) === JSON.stringify([o.paramKind ?? null, o.matchConditions ?? null]);
  return [...validateCoreObjectMeta(p.metadata, false, nameIsDNSSubdomain), ...policySpec(spec, p.metadata.name ?? '', !unchanged, 'spec')];
}

function paramRef(pr: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(pr.name);
  const hasSelector = isObject(pr.selector);
  if (name) {
    errs.push(...pathSegmentName(name, false).map((m) => invalid(child(fld, 'name'), name, m)));
    if (hasSelector) errs.push(forbidden(child(fld, 'name'), 'name and selector are mutually exclusive'));
  }
  if (hasSelector) {
    errs.push(...validateLabelSelector(pr.selector, child(fld, 'selector')));
    if (name) errs.push(forbidden(child(fld, 'selector'), 'name and selector are mutually exclusive'));
  }
  if (!name && !hasSelector) errs.push(required(fld, 'one of name or selector must be specified'));
  const action = str(pr.parameterNotFoundAction);
  if (!action) errs.push(required(child(fld, 'parameterNotFoundAction')));
  else if (action !== 'Deny' && action !== 'Allow') errs.push(notSupported(child(fld, 'parameterNotFoundAction'), action, ['Deny', 'Allow']));
  return errs;
}

function actions(list: string[], fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((a, i) => {
    if (!ACTIONS.includes(a)) errs.push(notSupported(index(fld, i), a, ACTIONS));
    if (seen.has(a)) errs.push(duplicate(index(fld, i), a));
    seen.add(a);
  });
  if (seen.has('Deny') && seen.has('Warn')) errs.push(invalid(fld, goTypedSlice('admissionregistration.ValidationAction', list), 'must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)'));
  if (!seen.size) errs.push(required(fld, 'at least one validation action is required'));
  return errs;
}

/** Upstream's path for a binding's matchResources is spec.matchResouces (sic). */
export function validateValidatingAdmissionPolicyBinding(b: KObject): FieldError[] {
  const spec = obj(b.spec);
  const errs = validateCoreObjectMeta(b.metadata, false, nameIsDNSSubdomain);
  const policy = str(spec.policyName);
  if (!policy) errs.push(required('spec.policyName'));
  else errs.push(...nameIsDNSSubdomain(policy, false).map((m) => invalid('spec.policyName', policy, m)));
  if (isObject(spec.paramRef)) errs.push(...paramRef(spec.paramRef, 'spec.paramRef'));
  if (isObject(spec.matchResources)) errs.push(...validateMatchResources(spec.matchResources, 'spec.matchResouces'));
  return [...errs, ...actions(strList(spec.validationActions) ?? [], 'spec.validationActions')];
}
