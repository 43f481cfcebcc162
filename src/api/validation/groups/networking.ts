// networking.k8s.io: NetworkPolicy, Ingress, IngressClass.
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, obj, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { cidrContains, ipFamily, isValidCIDR, parseCIDR } from '../ipnet.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNS1035Label, nameIsDNSSubdomain, pathSegmentName } from '../namefuncs.js';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from '../names.js';
import { validateLabelSelector } from '../selector.js';

function npPort(p: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (has(p, 'protocol') && !['TCP', 'UDP', 'SCTP'].includes(str(p.protocol))) errs.push(notSupported(child(fld, 'protocol'), str(p.protocol), ['TCP', 'UDP', 'SCTP']));
  const port = p.port;
  const end = optNum(p.endPort);
  if (typeof port === 'number') {
    errs.push(...isValidPortNum(port).map((m) => invalid(child(fld, 'port'), port, m)));
    if (end !== undefined) {
      if (end < port) errs.push(invalid(child(fld, 'endPort'), end, 'must be greater than or equal to `port`'));
      errs.push(...isValidPortNum(end).map((m) => invalid(child(fld, 'endPort'), end, m)));
    }
  } else if (typeof port === 'string') {
    if (end !== undefined) errs.push(invalid(child(fld, 'endPort'), end, 'may not be specified when `port` is non-numeric'));
    errs.push(...isValidPortName(port).map((m) => invalid(child(fld, 'port'), port, m)));
  } else if (end !== undefined) errs.push(invalid(child(fld, 'endPort'), end, 'may not be specified when `port` is not specified'));
  return errs;
}

function ipBlock(b: JsonObject, fld: Path): FieldError[] {
  const cidr = str(b.cidr);
  if (!cidr) return [required(child(fld, 'cidr'))];
  const errs = isValidCIDR(child(fld, 'cidr'), cidr);
  const outer = parseCIDR(cidr);
  if (!outer) return errs;
  (strList(b.except) ?? []).forEach((ex, i) => {
    const p = index(child(fld, 'except'), i);
    const e = isValidCIDR(p, ex);
    errs.push(...e);
    const inner = parseCIDR(ex);
    if (inner && (inner.family !== outer.family || !cidrContains(outer, inner.ip) || inner.bits <= outer.bits)) errs.push(invalid(p, ex, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function peer(p: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (has(p, 'podSelector')) n++, errs.push(...validateLabelSelector(p.podSelector, child(fld, 'podSelector')));
  if (has(p, 'namespaceSelector')) n++, errs.push(...validateLabelSelector(p.namespaceSelector, child(fld, 'namespaceSelector')));
  if (has(p, 'ipBlock')) n++, errs.push(...ipBlock(obj(p.ipBlock), child(fld, 'ipBlock')));
  if (!n) errs.push(required(fld, 'must specify a peer'));
  else if (n > 1 && has(p, 'ipBlock')) errs.push(forbidden(fld, 'may not specify both ipBlock and another peer'));
  return errs;
}

function rules(list: unknown, dir: 'ingress' | 'egress', peers: 'from' | 'to'): FieldError[] {
  return objs(list).flatMap((r, i) => {
    const p = index(`spec.${dir}`, i);
    return [...objs(r.ports).flatMap((pt, j) => npPort(pt, index(child(p, 'ports'), j))), ...objs(r[peers]).flatMap((x, j) => peer(x, index(child(p, peers), j)))];
  });
}

export function validateNetworkPolicy(np: KObject, old?: KObject): FieldError[] {
  const spec = obj(np.spec);
  const errs = old ? validateCoreObjectMetaUpdate(np.metadata, old.metadata) : validateCoreObjectMeta(np.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateLabelSelector(obj(spec.podSelector), 'spec.podSelector'));
  errs.push(...rules(spec.ingress, 'ingress', 'from'), ...rules(spec.egress, 'egress', 'to'));
  const types = strList(spec.policyTypes) ?? [];
  if (types.length > 2) return [...errs, invalid('spec.policyTypes', new GoLiteral(`&[]networking.PolicyType{${types.map(goQuote).join(', ')}}`), 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(index('spec.policyTypes', i), t, ['Ingress', 'Egress']));
  });
  return errs;
}

function backend(b: JsonObject, fld: Path): FieldError[] {
  const svc = has(b, 'service') ? obj(b.service) : undefined;
  if (has(b, 'resource') && svc) return [invalid(fld, '', 'cannot set both resource and service backends')];
  if (has(b, 'resource')) {
    const r = obj(b.resource);
    return ['kind', 'name'].flatMap((f) => (str(r[f]) ? pathSegmentName(str(r[f]), false).map((m) => invalid(child(fld, 'resource', f), str(r[f]), m)) : [required(child(fld, 'resource', f))]));
  }
  if (!svc) return [invalid(fld, '', 'resource or service backend is required')];
  const name = str(svc.name);
  const errs = name ? nameIsDNS1035Label(name, false).map((m) => invalid(child(fld, 'service', 'name'), name, m)) : [required(child(fld, 'service', 'name'))];
  const port = obj(svc.port);
  const pName = str(port.name);
  const pNum = optNum(port.number) ?? 0;
  if (pName && pNum) errs.push(invalid(fld, '', 'cannot set both port name & port number'));
  else if (pName) errs.push(...isValidPortName(pName).map((m) => invalid(child(fld, 'service', 'port', 'name'), pName, m)));
  else if (pNum) errs.push(...isValidPortNum(pNum).map((m) => invalid(child(fld, 'service', 'port', 'number'), pNum, m)));
  else errs.push(required(fld, 'port name or number is required'));
  return errs;
}

const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];

function httpPath(p: JsonObject, fld: Path): FieldError[] {
  if (!has(p, 'pathType')) return [required(child(fld, 'pathType'), 'pathType must be specified')];
  const type = str(p.pathType);
  const path = str(p.path);
  const errs: FieldError[] = [];
  if (type === 'Exact' || type === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalid(child(fld, 'path'), path, 'must be an absolute path'));
    for (const seq of BAD_SEQUENCES) if (path.includes(seq)) errs.push(invalid(child(fld, 'path'), path, `must not contain '${seq}'`));
    for (const suf of ['/..', '/.']) if (path.endsWith(suf)) errs.push(invalid(child(fld, 'path'), path, `cannot end with '${suf}'`));
  } else if (type === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) errs.push(invalid(child(fld, 'path'), path, 'must be an absolute path'));
  } else errs.push(notSupported(child(fld, 'pathType'), type, ['Exact', 'ImplementationSpecific', 'Prefix']));
  return [...errs, ...backend(obj(p.backend), child(fld, 'backend'))];
}

function ingressRules(spec: JsonObject): FieldError[] {
  return objs(spec.rules).flatMap((r, i) => {
    const p = index('spec.rules', i);
    const host = str(r.host);
    const errs: FieldError[] = [];
    if (host && ipFamily(host)) errs.push(invalid(child(p, 'host'), host, 'must be a DNS name, not an IP address'));
    if (host) errs.push(...(host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)).map((m) => invalid(child(p, 'host'), host, m)));
    if (!has(r, 'http')) return errs;
    const paths = objs(obj(r.http).paths);
    if (!paths.length) errs.push(required(child(p, 'http', 'paths')));
    return [...errs, ...paths.flatMap((x, j) => httpPath(x, index(child(p, 'http', 'paths'), j)))];
  });
}

function ingressSpec(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!objs(spec.rules).length && !has(spec, 'defaultBackend')) errs.push(invalid('spec', new GoLiteral('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (has(spec, 'defaultBackend')) errs.push(...backend(obj(spec.defaultBackend), 'spec.defaultBackend'));
  errs.push(...ingressRules(spec));
  objs(spec.tls).forEach((t, i) => {
    (strList(t.hosts) ?? []).forEach((h, j) => errs.push(...(h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h)).map((m) => invalid(index(child(index('spec.tls', i), 'hosts'), j), h, m))));
    const secret = str(t.secretName);
    if (secret) errs.push(...nameIsDNSSubdomain(secret, false).map((m) => invalid(child(index('spec.tls', i), 'secretName'), secret, m)));
  });
  if (has(spec, 'ingressClassName')) errs.push(...nameIsDNSSubdomain(str(spec.ingressClassName), false).map((m) => invalid('spec.ingressClassName', str(spec.ingressClassName), m)));
  return errs;
}

export function validateIngress(ing: KObject, old?: KObject): FieldError[] {
  const spec = obj(ing.spec);
  const errs = old ? validateCoreObjectMetaUpdate(ing.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(ing.metadata, true, nameIsDNSSubdomain), ...ingressSpec(spec));
  const ann = obj(ing.metadata.annotations)['kubernetes.io/ingress.class'];
  if (!old && typeof ann === 'string' && has(spec, 'ingressClassName') && ann !== str(spec.ingressClassName)) {
    errs.push(invalid('annotations.kubernetes.io/ingress.class', ann, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

export function validateIngressClass(ic: KObject, old?: KObject): FieldError[] {
  const spec = obj(ic.spec);
  const errs = old ? validateCoreObjectMetaUpdate(ic.metadata, old.metadata) : [];
  if (old) errs.push(...validateImmutableField(str(spec.controller), str(obj(old.spec).controller), 'spec.controller'));
  errs.push(...validateCoreObjectMeta(ic.metadata, false, nameIsDNSSubdomain));
  const c = str(spec.controller);
  if (!c) errs.push(required('spec.controller'));
  else if (c.length > 250) errs.push({ type: 'TooLong', field: 'spec.controller', detail: 'may not be more than 250 bytes' });
  return errs;
}
