// flowcontrol.apiserver.k8s.io FlowSchema (ValidateFlowSchema[Update|StatusUpdate]): precedence,
// distinguisher, the priority level's name, rules with their subjects, resource and non-resource
// rules, status conditions; a mandatory schema's spec must stay what the apiserver makes it.
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { goTyped } from '../gotyped.js';
import { isObject, obj, objs, str, strList, semanticEqual, type JsonObject } from '../json.js';
import { validateCoreObjectMeta } from '../meta.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../namefuncs.js';
import { mandatoryFlowSchemas } from '../../flowcontrol/bootstrap.js';

const METHODS = ['ByNamespace', 'ByUser'];
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'proxy', 'update', 'watch'];
const KINDS = ['Group', 'ServiceAccount', 'User'];
const MAX_PRECEDENCE = 10000;
const NS_INTRO = "each member of this list must be '*' or a DNS-1123 label; ";
const FORBIDDEN_WHEN: Record<string, string> = { user: 'User', group: 'Group', serviceAccount: 'ServiceAccount' };
/** Each kind's own member, then the members it forbids, in upstream's order. */
const MEMBERS: Record<string, string[]> = { ServiceAccount: ['serviceAccount', 'user', 'group'], User: ['user', 'serviceAccount', 'group'], Group: ['group', 'serviceAccount', 'user'] };

function subject(s: JsonObject, fld: Path): FieldError[] {
  const kind = str(s.kind);
  const members = Object.hasOwn(MEMBERS, kind) ? MEMBERS[kind] : undefined;
  if (!members) return [notSupported(child(fld, 'kind'), kind, KINDS)];
  const [own, ...others] = members as [string, ...string[]];
  const errs: FieldError[] = [];
  const body = s[own];
  if (!isObject(body)) errs.push(required(child(fld, own), `${own} is required when subject kind is '${kind}'`));
  else if (own === 'serviceAccount') errs.push(...serviceAccount(body, child(fld, own)));
  else if (!str(body.name)) errs.push(required(child(fld, own, 'name')));
  for (const other of others) {
    if (isObject(s[other])) errs.push(forbidden(child(fld, other), `${other} is forbidden when subject kind is not '${FORBIDDEN_WHEN[other]}'`));
  }
  return errs;
}

function serviceAccount(sa: JsonObject, fld: Path): FieldError[] {
  const name = str(sa.name);
  const ns = str(sa.namespace);
  const errs: FieldError[] = [];
  if (!name) errs.push(required(child(fld, 'name')));
  else if (name !== '*') errs.push(...nameIsDNSSubdomain(name, false).map((m) => invalid(child(fld, 'name'), name, m)));
  if (ns) errs.push(...nameIsDNSLabel(ns, false).map((m) => invalid(child(fld, 'namespace'), ns, m)));
  else errs.push(required(child(fld, 'namespace'), 'must specify namespace for service account'));
  return errs;
}

function verbs(list: string[], fld: Path): FieldError[] {
  if (!list.length) return [required(fld, 'verbs must contain at least one value')];
  if (list.includes('*')) return list.length > 1 ? [invalid(fld, list, "if '*' is present, must not specify other verbs")] : [];
  return list.every((v) => VERBS.includes(v)) ? [] : [notSupported(fld, list, VERBS)];
}

function wildcardList(list: string[], fld: Path, what: string, missing: string): FieldError[] {
  if (!list.length) return [required(fld, missing)];
  return list.length > 1 && list.includes('*') ? [invalid(fld, list, `if '*' is present, must not specify other ${what}`)] : [];
}

function resourceRule(r: JsonObject, fld: Path): FieldError[] {
  const errs = verbs(strList(r.verbs) ?? [], child(fld, 'verbs'));
  errs.push(...wildcardList(strList(r.apiGroups) ?? [], child(fld, 'apiGroups'), 'api groups', 'resource rules must supply at least one api group'));
  errs.push(...wildcardList(strList(r.resources) ?? [], child(fld, 'resources'), 'resources', 'resource rules must supply at least one resource'));
  const namespaces = strList(r.namespaces) ?? [];
  const nsPath = child(fld, 'namespaces');
  if (!namespaces.length && r.clusterScope !== true) errs.push(required(nsPath, 'resource rules that are not cluster scoped must supply at least one namespace'));
  else if (namespaces.includes('*')) { if (namespaces.length > 1) errs.push(invalid(nsPath, namespaces, "if '*' is present, must not specify other namespaces")); }
  else namespaces.forEach((ns, i) => errs.push(...nameIsDNSLabel(ns, false).map((m) => invalid(index(nsPath, i), ns, NS_INTRO + m))));
  return errs;
}

/** ValidateNonResourceURLPath. */
function urlPath(p: string, fld: Path): FieldError[] {
  if (!p) return [invalid(fld, p, 'must not be empty')];
  if (p === '/') return [];
  if (!p.startsWith('/')) return [invalid(fld, p, 'must start with slash')];
  if (p.includes(' ')) return [invalid(fld, p, 'must not contain white-space')];
  if (p.includes('//')) return [invalid(fld, p, 'must not contain double slash')];
  const stars = p.split('*').length - 1;
  return stars > 1 || (stars === 1 && !p.endsWith('/*')) ? [invalid(fld, p, 'wildcard can only do suffix matching')] : [];
}

function nonResourceRule(r: JsonObject, fld: Path): FieldError[] {
  const errs = verbs(strList(r.verbs) ?? [], child(fld, 'verbs'));
  const urls = strList(r.nonResourceURLs) ?? [];
  const p = child(fld, 'nonResourceURLs');
  if (!urls.length) errs.push(required(p, 'nonResourceURLs must contain at least one value'));
  else if (urls.includes('*')) { if (urls.length > 1) errs.push(invalid(p, urls, "if '*' is present, must not specify other non-resource URLs")); }
  else urls.forEach((u, i) => errs.push(...urlPath(u, index(p, i))));
  return errs;
}

function rule(r: JsonObject, fld: Path): FieldError[] {
  const subjects = objs(r.subjects);
  const errs = subjects.length ? subjects.flatMap((s, i) => subject(s, index(child(fld, 'subjects'), i))) : [required(child(fld, 'subjects'), 'subjects must contain at least one value')];
  const rr = objs(r.resourceRules);
  const nr = objs(r.nonResourceRules);
  if (!rr.length && !nr.length) errs.push(required(fld, 'at least one of resourceRules and nonResourceRules has to be non-empty'));
  rr.forEach((x, i) => errs.push(...resourceRule(x, index(child(fld, 'resourceRules'), i))));
  nr.forEach((x, i) => errs.push(...nonResourceRule(x, index(child(fld, 'nonResourceRules'), i))));
  return errs;
}

function spec(name: string, s: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const prec = typeof s.matchingPrecedence === 'number' ? s.matchingPrecedence : 0;
  const pp = child(fld, 'matchingPrecedence');
  if (prec <= 0) errs.push(invalid(pp, prec, 'must be a positive value'));
  if (prec > MAX_PRECEDENCE) errs.push(invalid(pp, prec, `must not be greater than ${MAX_PRECEDENCE}`));
  if (prec === 1 && name !== 'exempt') errs.push(invalid(pp, prec, "only the schema named 'exempt' may have matchingPrecedence 1"));
  if (isObject(s.distinguisherMethod) && !METHODS.includes(str(s.distinguisherMethod.type))) {
    errs.push(notSupported(child(fld, 'distinguisherMethod', 'type'), goTyped('flowcontrol/v1.FlowDistinguisherMethod', s.distinguisherMethod, 'flowcontrol'), METHODS));
  }
  const level = str(obj(s.priorityLevelConfiguration).name);
  const lp = child(fld, 'priorityLevelConfiguration', 'name');
  if (level) errs.push(...nameIsDNSSubdomain(level, false).map((m) => invalid(lp, level, m)));
  else errs.push(required(lp, 'must reference a priority level'));
  objs(s.rules).forEach((r, i) => errs.push(...rule(r, index(child(fld, 'rules'), i))));
  return errs;
}

/** Status conditions: a type each, no type twice (shared with PriorityLevelConfiguration). */
export function validateConditions(status: unknown, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objs(obj(status).conditions).forEach((c, i) => {
    const p = index(child(fld, 'conditions'), i);
    const type = str(c.type);
    if (seen.has(type)) errs.push(duplicate(child(p, 'type'), type));
    seen.add(type);
    if (!type) errs.push(required(child(p, 'type'), 'must not be empty'));
  });
  return errs;
}

export function validateFlowSchema(fs: KObject): FieldError[] {
  const name = fs.metadata.name ?? '';
  const s = obj(fs.spec);
  const errs = [...validateCoreObjectMeta(fs.metadata, false, nameIsDNSSubdomain), ...spec(name, s, 'spec')];
  const mandatory = mandatoryFlowSchemas().find((m) => m.metadata.name === name);
  if (mandatory && !semanticEqual(s, mandatory.spec)) errs.push(invalid('spec', goTyped('flowcontrol/v1.FlowSchemaSpec', s, 'flowcontrol'), `spec of '${name}' must equal the fixed value`));
  return [...errs, ...validateConditions(fs.status, 'status')];
}
