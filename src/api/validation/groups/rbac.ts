// rbac.authorization.k8s.io: Role, ClusterRole, RoleBinding, ClusterRoleBinding.
import type { FieldError, KObject } from '../../types.js';
import { child, index, invalid, notSupported, required, type Path } from '../field.js';
import { goQuote, goStruct } from '../govalue.js';
import { arr, obj, objs, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain, pathSegmentName } from '../namefuncs.js';

const GROUP = 'rbac.authorization.k8s.io';

function policyRule(rule: JsonObject, namespaced: boolean, fld: Path): FieldError[] {
  const errs = arr(rule.verbs).length ? [] : [required(child(fld, 'verbs'), 'verbs must contain at least one value')];
  const urls = arr(rule.nonResourceURLs);
  if (urls.length) {
    if (namespaced) errs.push(invalid(child(fld, 'nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (arr(rule.apiGroups).length || arr(rule.resources).length || arr(rule.resourceNames).length) {
      errs.push(invalid(child(fld, 'nonResourceURLs'), urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (!arr(rule.apiGroups).length) errs.push(required(child(fld, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (!arr(rule.resources).length) errs.push(required(child(fld, 'resources'), 'resource rules must supply at least one resource'));
  return errs;
}

/** Role (namespaced) or ClusterRole. */
export function validateRole(role: KObject, namespaced: boolean, old?: KObject): FieldError[] {
  const errs = validateCoreObjectMeta(role.metadata, namespaced, pathSegmentName);
  objs(role.rules).forEach((r, i) => errs.push(...policyRule(r, namespaced, index('rules', i))));
  if (!namespaced) {
    objs(obj(role.aggregationRule).clusterRoleSelectors).forEach((s, i) => {
      if (!Object.keys(obj(s.matchLabels)).length && !arr(s.matchExpressions).length) errs.push(required(index('aggregationRule.clusterRoleSelectors', i), 'must specify at least one selector'));
    });
  }
  return old ? [...errs, ...validateObjectMetaUpdate(role.metadata, old.metadata)] : errs;
}

function subject(s: JsonObject, namespaced: boolean, fld: Path): FieldError[] {
  const name = str(s.name);
  const group = str(s.apiGroup);
  const errs = name ? [] : [required(child(fld, 'name'))];
  switch (str(s.kind)) {
    case 'ServiceAccount':
      if (name) errs.push(...nameIsDNSSubdomain(name, false).map((m) => invalid(child(fld, 'name'), name, m)));
      if (group) errs.push(notSupported(child(fld, 'apiGroup'), group, ['']));
      if (!namespaced && !str(s.namespace)) errs.push(required(child(fld, 'namespace')));
      return errs;
    case 'User':
    case 'Group':
      if (!name) errs.push(invalid(child(fld, 'name'), name, `${str(s.kind).toLowerCase()} name cannot be empty`));
      if (group !== GROUP) errs.push(notSupported(child(fld, 'apiGroup'), group, [GROUP]));
      return errs;
    default:
      return [...errs, notSupported(child(fld, 'kind'), str(s.kind), ['ServiceAccount', 'User', 'Group'])];
  }
}

const goRoleRef = (r: JsonObject): ReturnType<typeof goStruct> =>
  goStruct('rbac.RoleRef', [['APIGroup', goQuote(str(r.apiGroup))], ['Kind', goQuote(str(r.kind))], ['Name', goQuote(str(r.name))]]);

/** RoleBinding (namespaced) or ClusterRoleBinding. */
export function validateBinding(b: KObject, namespaced: boolean, old?: KObject): FieldError[] {
  const ref = obj(b.roleRef);
  const errs = validateCoreObjectMeta(b.metadata, namespaced, pathSegmentName);
  if (str(ref.apiGroup) !== GROUP) errs.push(notSupported('roleRef.apiGroup', str(ref.apiGroup), [GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(notSupported('roleRef.kind', str(ref.kind), kinds));
  const name = str(ref.name);
  if (!name) errs.push(required('roleRef.name'));
  else errs.push(...pathSegmentName(name, false).map((m) => invalid('roleRef.name', name, m)));
  objs(b.subjects).forEach((s, i) => errs.push(...subject(s, namespaced, index('subjects', i))));
  if (!old) return errs;
  errs.push(...validateObjectMetaUpdate(b.metadata, old.metadata));
  const o = obj(old.roleRef);
  if (['apiGroup', 'kind', 'name'].some((k) => str(o[k]) !== str(ref[k]))) errs.push(invalid('roleRef', goRoleRef(ref), 'cannot change roleRef'));
  return errs;
}
