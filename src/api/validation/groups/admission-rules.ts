// The pieces of admissionregistration.k8s.io validation that webhooks and policies share:
// rules with operations, match resources, a webhook's client config (apiserver's
// util/webhook: ValidateWebhookURL, ValidateWebhookService) and match conditions' names.
import type { FieldError } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, tooMany, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, isObject, obj, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { pathSegmentName } from '../namefuncs.js';
import { isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../names.js';
import { validateLabelSelector } from '../selector.js';
import { celCompiles } from '../cel.js';

const OPERATIONS = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];
const SCOPES = ['*', 'Cluster', 'Namespaced'];
export const FAILURE_POLICIES = ['Fail', 'Ignore'];
export const MATCH_POLICIES = ['Equivalent', 'Exact'];

/** %#v of a named Go string slice (`[]admissionregistration.OperationType{"*", "CREATE"}`). */
export const goTypedSlice = (type: string, list: readonly string[]): GoLiteral => new GoLiteral(`[]${type}{${list.map(goQuote).join(', ')}}`);

function resources(list: string[], fld: Path): FieldError[] {
  const errs: FieldError[] = list.length ? [] : [required(fld)];
  const wildSub = new Set<string>();
  const wildRes = new Set<string>();
  let single = false;
  let plain = false;
  list.forEach((rs, i) => {
    if (!rs) return void errs.push(required(index(fld, i)));
    if (rs === '*') single = true;
    const slash = rs.indexOf('/');
    if (slash < 0) return void (plain = rs !== '*');
    const [res, sub] = [rs.slice(0, slash), rs.slice(slash + 1)];
    if (wildSub.has(res)) errs.push(invalid(index(fld, i), rs, `if '${res}/*' is present, must not specify ${rs}`));
    if (wildRes.has(sub)) errs.push(invalid(index(fld, i), rs, `if '*/${sub}' is present, must not specify ${rs}`));
    if (sub === '*') wildSub.add(res);
    if (res === '*') wildRes.add(sub);
  });
  if (list.length > 1 && list.includes('*/*')) errs.push(invalid(fld, list, "if '*/*' is present, must not specify other resources"));
  if (single && plain) errs.push(invalid(fld, list, "if '*' is present, must not specify other resources without subresources"));
  return errs;
}

function rule(r: JsonObject, fld: Path): FieldError[] {
  const groups = strList(r.apiGroups) ?? [];
  const versions = strList(r.apiVersions) ?? [];
  const errs: FieldError[] = groups.length ? [] : [required(child(fld, 'apiGroups'))];
  if (groups.length > 1 && groups.includes('*')) errs.push(invalid(child(fld, 'apiGroups'), groups, "if '*' is present, must not specify other API groups"));
  if (!versions.length) errs.push(required(child(fld, 'apiVersions')));
  if (versions.length > 1 && versions.includes('*')) errs.push(invalid(child(fld, 'apiVersions'), versions, "if '*' is present, must not specify other API versions"));
  versions.forEach((v, i) => v || errs.push(required(index(child(fld, 'apiVersions'), i))));
  errs.push(...resources(strList(r.resources) ?? [], child(fld, 'resources')));
  if (has(r, 'scope') && r.scope !== null && !SCOPES.includes(str(r.scope))) errs.push(notSupported(child(fld, 'scope'), str(r.scope), SCOPES));
  return errs;
}

/** validateRuleWithOperations (subresources allowed). */
export function validateRuleWithOperations(r: JsonObject, fld: Path): FieldError[] {
  const ops = strList(r.operations) ?? [];
  const errs: FieldError[] = ops.length ? [] : [required(child(fld, 'operations'))];
  if (ops.length > 1 && ops.includes('*')) errs.push(invalid(child(fld, 'operations'), goTypedSlice('admissionregistration.OperationType', ops), "if '*' is present, must not specify other operations"));
  ops.forEach((op, i) => OPERATIONS.includes(op) || errs.push(notSupported(index(child(fld, 'operations'), i), op, OPERATIONS)));
  return [...errs, ...rule(r, fld)];
}

function namedRule(r: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (strList(r.resourceNames) ?? []).forEach((n, i) => {
    const p = index(child(fld, 'resourceNames'), i);
    errs.push(...pathSegmentName(n, false).map((m) => invalid(p, n, m)));
    if (seen.has(n)) errs.push(duplicate(p, n));
    seen.add(n);
  });
  return [...errs, ...validateRuleWithOperations(r, fld)];
}

/** validateMatchResources: policies' and bindings' match constraints (defaults already applied). */
export function validateMatchResources(m: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const policy = m.matchPolicy;
  if (policy == null) errs.push(required(child(fld, 'matchPolicy')));
  else if (!MATCH_POLICIES.includes(str(policy))) errs.push(notSupported(child(fld, 'matchPolicy'), str(policy), MATCH_POLICIES));
  for (const s of ['namespaceSelector', 'objectSelector']) {
    if (!isObject(m[s])) errs.push(required(child(fld, s)));
    else errs.push(...validateLabelSelector(m[s], child(fld, s)));
  }
  objs(m.resourceRules).forEach((r, i) => errs.push(...namedRule(r, index(child(fld, 'resourceRules'), i))));
  objs(m.excludeResourceRules).forEach((r, i) => errs.push(...namedRule(r, index(child(fld, 'excludeResourceRules'), i))));
  return errs;
}

/** The variables a webhook's matchConditions are compiled with (webhook matchconditions). */
const WEBHOOK_CEL_VARIABLES = ['object', 'oldObject', 'request', 'authorizer'] as const;

/** validateMatchConditions: names, and expressions that compile against the declared variables. */
export function validateMatchConditions(list: unknown, fld: Path, declared: readonly string[] = WEBHOOK_CEL_VARIABLES): FieldError[] {
  const conds = objs(list);
  const errs: FieldError[] = conds.length > 64 ? [tooMany(fld, conds.length, 64)] : [];
  const names = new Set<string>();
  conds.forEach((c, i) => {
    const p = index(fld, i);
    const name = str(c.name);
    if (!str(c.expression).trim()) errs.push(required(child(p, 'expression')));
    else errs.push(...celCompiles(str(c.expression), declared, child(p, 'expression')));
    if (!name) errs.push(required(child(p, 'name')));
    else errs.push(...isQualifiedName(name).map((m) => invalid(child(p, 'name'), name, m)));
    if (name && names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    names.add(name);
  });
  return errs;
}

const URL_FORM = '; desired format: https://host[/path]';

/** The parts of Go's url.Parse that ValidateWebhookURL reads (scheme, host, user, query, fragment). */
function parseURL(raw: string): { scheme: string; host: string; user?: string; query: string; fragment: string } | string {
  const hash = raw.indexOf('#');
  const fragment = hash < 0 ? '' : raw.slice(hash + 1);
  let rest = hash < 0 ? raw : raw.slice(0, hash);
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (rest.startsWith(':')) return `parse ${goQuote(raw)}: missing protocol scheme`;
  const scheme = m ? m[1]!.toLowerCase() : '';
  if (m) rest = rest.slice(m[0].length);
  const q = rest.indexOf('?');
  const query = q < 0 ? '' : rest.slice(q + 1);
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('//')) return { scheme, host: '', query, fragment };
  const authority = rest.slice(2).split('/')[0]!;
  const at = authority.lastIndexOf('@');
  return { scheme, host: at < 0 ? authority : authority.slice(at + 1), ...(at < 0 ? {} : { user: authority.slice(0, at) }), query, fragment };
}

function webhookURL(raw: string, fld: Path): FieldError[] {
  const u = parseURL(raw);
  if (typeof u === 'string') return [required(fld, `url must be a valid URL: ${u}${URL_FORM}`)];
  const errs: FieldError[] = [];
  if (u.scheme !== 'https') errs.push(invalid(fld, u.scheme, `'https' is the only allowed URL scheme${URL_FORM}`));
  if (!u.host) errs.push(invalid(fld, u.host, `host must be provided${URL_FORM}`));
  if (u.user !== undefined) errs.push(invalid(fld, u.user, 'user information is not permitted in the URL'));
  if (u.fragment) errs.push(invalid(fld, u.fragment, 'fragments are not permitted in the URL'));
  if (u.query) errs.push(invalid(fld, u.query, 'query parameters are not permitted in the URL'));
  return errs;
}

function servicePath(path: string, fld: Path): FieldError[] {
  if (path === '/' || path === '') return [];
  if (path === '//') return [invalid(fld, path, 'segment[0] may not be empty')];
  const errs: FieldError[] = path.startsWith('/') ? [] : [invalid(fld, path, "must start with a '/'")];
  let check = path.slice(1);
  if (check.endsWith('/')) check = check.slice(0, -1);
  check.split('/').forEach((step, i) => {
    if (!step) return void errs.push(invalid(fld, path, `segment[${i}] may not be empty`));
    for (const m of isDNS1123Subdomain(step)) errs.push(invalid(fld, path, `segment[${i}]: ${m}`));
  });
  return errs;
}

/**
 * ValidateWebhookService. Upstream passes the service's name where the function takes its
 * namespace and the other way round, so a missing namespace is reported as a missing name.
 */
function webhookService(svc: JsonObject, fld: Path): FieldError[] {
  const [namespaceArg, nameArg] = [str(svc.name), str(svc.namespace)];
  const errs: FieldError[] = [];
  if (!nameArg) errs.push(required(child(fld, 'name'), 'service name is required'));
  if (!namespaceArg) errs.push(required(child(fld, 'namespace'), 'service namespace is required'));
  const port = optNum(svc.port) ?? 0;
  const bad = isValidPortNum(port);
  if (bad.length) errs.push(invalid(child(fld, 'port'), port, `port is not valid: ${bad.join(', ')}`));
  if (typeof svc.path === 'string') errs.push(...servicePath(svc.path, child(fld, 'path')));
  return errs;
}

/** A webhook's clientConfig: exactly one of url and service. */
export function validateClientConfig(cc: JsonObject, fld: Path): FieldError[] {
  const hasURL = typeof cc.url === 'string';
  const hasService = isObject(cc.service);
  if (hasURL === hasService) return [required(fld, 'exactly one of url or service is required')];
  return hasURL ? webhookURL(str(cc.url), child(fld, 'url')) : webhookService(obj(cc.service), child(fld, 'service'));
}
