// Service (ValidateService, ValidateServiceUpdate).
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { goIntOrString, goQuote, goStruct } from '../govalue.js';
import { has, obj, objs, optNum, optObj, str, strList, strMap, type JsonObject } from '../json.js';
import { isValidCIDR, isValidIP, validateNonSpecialIP } from '../ipnet.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNS1035Label } from '../namefuncs.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../names.js';
import { validateLabels } from '../selector.js';
import { PROTOCOLS } from '../pod/container.js';
import { validatePortNumOrName } from '../pod/handlers.js';
import { isHeadless, validateClusterIPsRelated, validateUpgradeDowngrade } from './service-ips.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const LB_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

function validateServicePort(sp: JsonObject, requireName: boolean, names: Set<string>, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && !name) errs.push(required(child(fld, 'name')));
  else if (name) {
    errs.push(...isDNS1123Label(name).map((m) => invalid(child(fld, 'name'), name, m)));
    if (names.has(name)) errs.push(duplicate(child(fld, 'name'), name));
    else names.add(name);
  }
  const port = optNum(sp.port) ?? 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(child(fld, 'port'), port, m)));
  const proto = str(sp.protocol);
  if (!proto) errs.push(required(child(fld, 'protocol')));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(fld, 'protocol'), proto, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, child(fld, 'targetPort')));
  if (has(sp, 'appProtocol')) errs.push(...isQualifiedName(str(sp.appProtocol)).map((m) => invalid(child(fld, 'appProtocol'), str(sp.appProtocol), m)));
  return errs;
}

function typeSpecific(spec: JsonObject): FieldError[] {
  const ips = strList(spec.clusterIPs) ?? [];
  switch (str(spec.type)) {
    case 'LoadBalancer':
    case 'NodePort':
      return isHeadless(spec) ? [invalid(index('spec.clusterIPs', 0), ips[0], `may not be set to 'None' for ${str(spec.type)} services`)] : [];
    case 'ExternalName': {
      const errs: FieldError[] = [];
      if (ips.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if ((strList(spec.ipFamilies) ?? []).length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (has(spec, 'ipFamilyPolicy')) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      const cname = str(spec.externalName).replace(/\.$/, '');
      errs.push(...(cname ? isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)) : [required('spec.externalName')]));
      return errs;
    }
    default:
      return [];
  }
}

function sessionAffinity(spec: JsonObject): FieldError[] {
  const sa = str(spec.sessionAffinity);
  if (!sa) return [required('spec.sessionAffinity')];
  if (sa !== 'ClientIP' && sa !== 'None') return [notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None'])];
  const cfgPath = 'spec.sessionAffinityConfig';
  if (sa === 'None') return has(spec, 'sessionAffinityConfig') ? [forbidden(cfgPath, 'must not be set when session affinity is None')] : [];
  const cfg = optObj(spec.sessionAffinityConfig);
  if (!cfg) return [required(cfgPath, 'when session affinity type is ClientIP')];
  const clientIP = optObj(cfg.clientIP);
  if (!clientIP) return [required(child(cfgPath, 'clientIP'), 'when session affinity type is ClientIP')];
  const t = optNum(clientIP.timeoutSeconds);
  const tPath = child(cfgPath, 'clientIP', 'timeoutSeconds');
  if (t === undefined) return [required(tPath, 'when session affinity type is ClientIP')];
  return t <= 0 || t > 86400 ? [invalid(tPath, t, 'must be greater than 0 and less than 86400')] : [];
}

function portDuplicates(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  const ports = objs(spec.ports);
  ports.forEach((p, i) => {
    const np = optNum(p.nodePort) ?? 0;
    if (!np) return;
    const k = `${str(p.protocol)}/${np}`;
    if (nodePorts.has(k)) errs.push(duplicate(child(index('spec.ports', i), 'nodePort'), np));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${str(p.protocol)}/${optNum(p.port) ?? 0}`;
    if (seen.has(k)) {
      const shown = goStruct('core.ServicePort', [['Name', '""'], ['Protocol', goQuote(str(p.protocol))], ['AppProtocol', '(*string)(nil)'], ['Port', String(optNum(p.port) ?? 0)], ['TargetPort', goIntOrString(0).text], ['NodePort', '0']]);
      errs.push(duplicate(index('spec.ports', i), shown));
    }
    seen.add(k);
  });
  return errs;
}

function sourceRanges(svc: KObject, spec: JsonObject): FieldError[] {
  const ranges = strList(spec.loadBalancerSourceRanges) ?? [];
  const isLB = str(spec.type) === 'LoadBalancer';
  if (ranges.length) {
    const fld = 'spec.LoadBalancerSourceRanges';
    const errs = isLB ? [] : [forbidden(fld, "may only be used when `type` is 'LoadBalancer'")];
    return [...errs, ...ranges.flatMap((r, i) => isValidCIDR(index(fld, i), r.trim()))];
  }
  const ann = strMap(svc.metadata.annotations) ?? {};
  if (!(LB_RANGES_ANNOTATION in ann)) return [];
  const fld = `metadata.annotations[${LB_RANGES_ANNOTATION}]`;
  const errs = isLB ? [] : [forbidden(fld, "may only be used when `type` is 'LoadBalancer'")];
  const val = ann[LB_RANGES_ANNOTATION]!.trim();
  return val ? [...errs, ...val.split(',').flatMap((r) => isValidCIDR(fld, r.trim()))] : errs;
}

function typeAndPorts(spec: JsonObject): FieldError[] {
  const t = str(spec.type);
  const errs = t ? (TYPES.includes(t) ? [] : [notSupported('spec.type', t, TYPES)]) : [required('spec.type')];
  if (t === 'ClusterIP') objs(spec.ports).forEach((p, i) => {
    if (optNum(p.nodePort)) errs.push(forbidden(child(index('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
  });
  return [...errs, ...portDuplicates(spec)];
}

function trafficPolicies(spec: JsonObject): FieldError[] {
  const t = str(spec.type);
  const external = t === 'NodePort' || t === 'LoadBalancer' || (strList(spec.externalIPs) ?? []).length > 0;
  const etp = str(spec.externalTrafficPolicy);
  const errs: FieldError[] = [];
  if (!external && etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  if (external && !etp) errs.push(required('spec.externalTrafficPolicy'));
  else if (external && etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const hc = optNum(spec.healthCheckNodePort) ?? 0;
  const needsHC = t === 'LoadBalancer' && etp === 'Local';
  if (!needsHC && hc) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  if (needsHC && !hc) errs.push(required('spec.healthCheckNodePort'));
  else if (needsHC) errs.push(...isValidPortNum(hc).map((m) => invalid('spec.healthCheckNodePort', hc, m)));
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(t)) errs.push(required('spec.internalTrafficPolicy'));
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported('spec.internalTrafficPolicy', str(itp), ['Cluster', 'Local']));
  if (has(spec, 'trafficDistribution') && str(spec.trafficDistribution) !== 'PreferClose') errs.push(notSupported('spec.trafficDistribution', str(spec.trafficDistribution), ['PreferClose']));
  return errs;
}

function loadBalancerFields(spec: JsonObject): FieldError[] {
  const isLB = str(spec.type) === 'LoadBalancer';
  const errs: FieldError[] = [];
  if (has(spec, 'allocateLoadBalancerNodePorts') && !isLB) errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  if (isLB && !has(spec, 'allocateLoadBalancerNodePorts')) errs.push(required('allocateLoadBalancerNodePorts'));
  if (has(spec, 'loadBalancerClass')) {
    const c = str(spec.loadBalancerClass);
    if (isLB) errs.push(...isQualifiedName(c).map((m) => invalid('spec.loadBalancerClass', c, m)));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

/** ValidateService. */
export function validateService(svc: KObject): FieldError[] {
  const spec = obj(svc.spec);
  const errs = validateCoreObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const ports = objs(spec.ports);
  if (!ports.length && !isHeadless(spec) && str(spec.type) !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...typeSpecific(spec));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (has(spec, 'selector')) errs.push(...validateLabels(strMap(spec.selector), 'spec.selector'));
  errs.push(...sessionAffinity(spec), ...validateClusterIPsRelated(spec));
  (strList(spec.externalIPs) ?? []).forEach((ip, i) => {
    const e = isValidIP(index('spec.externalIPs', i), ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, index('spec.externalIPs', i))));
  });
  errs.push(...typeAndPorts(spec), ...sourceRanges(svc, spec), ...loadBalancerFields(spec));
  return [...errs, ...trafficPolicies(spec)];
}

/** ValidateServiceUpdate (the new object should have been normalised with normalizeServiceClusterIPs). */
export function validateServiceUpdate(svc: KObject, old: KObject): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(svc.metadata, old.metadata);
  errs.push(...validateUpgradeDowngrade(obj(old.spec), obj(svc.spec)));
  return [...errs, ...validateService(svc)];
}
