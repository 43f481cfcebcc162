// Service cluster IPs and IP families: their consistency, their immutability on update, and
// the registry's normalisation of clusterIP/clusterIPs before validation.
import type { FieldError, KObject } from '../../types.js';
import { duplicate, forbidden, index, invalid, notSupported, required } from '../field.js';
import { has, obj, objs, str, strList, type JsonObject } from '../json.js';
import { ipFamily, isValidIP } from '../ipnet.js';

const FAMILIES = ['IPv4', 'IPv6'];
const POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

export function isHeadless(spec: JsonObject): boolean {
  const ips = strList(spec.clusterIPs) ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

function familiesAndPolicy(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (strList(spec.ipFamilies) ?? []).forEach((f, i) => {
    if (!FAMILIES.includes(f)) errs.push(notSupported(index('spec.ipFamilies', i), f, FAMILIES));
    if (seen.has(f)) errs.push(duplicate(index('spec.ipFamilies', i), f));
    seen.add(f);
  });
  if (has(spec, 'ipFamilyPolicy') && !POLICIES.includes(str(spec.ipFamilyPolicy))) errs.push(notSupported('spec.ipFamilyPolicy', str(spec.ipFamilyPolicy), POLICIES));
  return errs;
}

function ipsMatchFamilies(spec: JsonObject, ips: string[]): FieldError[] {
  const families = strList(spec.ipFamilies) ?? [];
  if (isHeadless(spec) || !ips.length || !families.length) return [];
  return ips.slice(0, families.length).flatMap((ip, i) => {
    const v6 = ipFamily(ip) === 6;
    if (families[i] === 'IPv4' && v6) return [invalid(index('spec.clusterIPs', i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``)];
    if (families[i] === 'IPv6' && !v6) return [invalid(index('spec.clusterIPs', i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``)];
    return [];
  });
}

/** ValidateServiceClusterIPsRelatedFields. */
export function validateClusterIPsRelated(spec: JsonObject): FieldError[] {
  if (str(spec.type) === 'ExternalName') return [];
  const ips = strList(spec.clusterIPs) ?? [];
  const clusterIP = str(spec.clusterIP);
  const errs: FieldError[] = [];
  if (clusterIP) {
    if (!ips.length) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  errs.push(...familiesAndPolicy(spec));
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) bad = true, errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      return;
    }
    const e = isValidIP(index('spec.clusterIPs', i), ip);
    bad ||= e.length > 0;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (bad) return errs;
  if (ips.length > 1 && ipFamily(ips[0]!) === ipFamily(ips[1]!)) errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  return [...errs, ...ipsMatchFamilies(spec, ips)];
}

function clusterIPChanges(o: JsonObject, n: JsonObject): FieldError[] {
  const oldIPs = strList(o.clusterIPs) ?? [];
  const ips = strList(n.clusterIPs) ?? [];
  const errs: FieldError[] = [];
  const p0 = index('spec.clusterIPs', 0);
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(invalid(index('spec.clusterIPs', i), ips, 'may not change once set'));
    });
  } else if (oldIPs.length > ips.length) {
    if (!ips.length) errs.push(invalid(p0, ips, 'primary clusterIP can not be unset'));
    if (oldIPs.length && ips.length && ips[0] !== oldIPs[0]) errs.push(invalid(p0, ips, 'may not change once set'));
    if (ips.length === 1 && str(n.ipFamilyPolicy) !== 'SingleStack') errs.push(invalid('spec.ipFamilyPolicy', has(n, 'ipFamilyPolicy') ? str(n.ipFamilyPolicy) : null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
  } else if (oldIPs.length && ips[0] !== oldIPs[0]) errs.push(invalid(p0, ips, 'may not change once set'));
  return errs;
}

function familyChanges(o: JsonObject, n: JsonObject): FieldError[] {
  if (isHeadless(o) !== isHeadless(n) || isHeadless(n)) return [];
  const oldF = strList(o.ipFamilies) ?? [];
  const f = strList(n.ipFamilies) ?? [];
  const ips = strList(n.clusterIPs) ?? [];
  const p0 = index('spec.ipFamilies', 0);
  if (oldF.length === f.length) return oldF.flatMap((x, i) => (x !== f[i] ? [invalid(p0, f, 'may not change once set')] : []));
  const errs: FieldError[] = [];
  if (oldF.length > f.length) {
    if (!ips.length) errs.push(invalid(p0, f, 'primary ipFamily can not be unset'));
    if (f.length && f[0] !== oldF[0]) errs.push(invalid(p0, ips, 'may not change once set'));
    if (f.length === 1 && str(n.ipFamilyPolicy) !== 'SingleStack') errs.push(invalid('spec.ipFamilyPolicy', has(n, 'ipFamilyPolicy') ? str(n.ipFamilyPolicy) : null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
  } else if (oldF.length && f.length && f[0] !== oldF[0]) errs.push(invalid(p0, ips, 'may not change once set'));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs/IPFamilies, the LB class and health-check port rules. */
export function validateUpgradeDowngrade(o: JsonObject, n: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const extName = str(n.type) === 'ExternalName' || str(o.type) === 'ExternalName';
  if (!extName && !(isHeadless(o) && isHeadless(n))) errs.push(...clusterIPChanges(o, n));
  if (!extName) errs.push(...familyChanges(o, n));
  const bothLB = str(o.type) === 'LoadBalancer' && str(n.type) === 'LoadBalancer';
  if (bothLB && str(o.loadBalancerClass) !== str(n.loadBalancerClass)) errs.push(invalid('spec.loadBalancerClass', has(n, 'loadBalancerClass') ? str(n.loadBalancerClass) : null, 'may not change once set'));
  const hc = (s: JsonObject): boolean => str(s.type) === 'LoadBalancer' && str(s.externalTrafficPolicy) === 'Local';
  if (hc(o) && hc(n) && o.healthCheckNodePort !== n.healthCheckNodePort) errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  return errs;
}

/**
 * The service registry's normalizeClusterIPs: on create a lone clusterIP fills clusterIPs; on
 * update a changed clusterIP with unchanged clusterIPs replaces them, as upstream does before
 * validating (so the error reads `spec.clusterIPs[0]: … may not change once set`).
 */
export function normalizeServiceClusterIPs(svc: KObject, old?: KObject): void {
  const spec = obj(svc.spec);
  const ips = strList(spec.clusterIPs) ?? [];
  const ip = str(spec.clusterIP);
  if (!old) {
    if (ip && !ips.length) spec.clusterIPs = [ip];
    return;
  }
  const o = obj(old.spec);
  const oldIPs = strList(o.clusterIPs) ?? [];
  const same = JSON.stringify(oldIPs) === JSON.stringify(ips);
  if (oldIPs.length && !ips.length && str(o.clusterIP) === ip) spec.clusterIPs = oldIPs;
  if (str(o.clusterIP) === ip) return;
  if (str(o.clusterIP) && !ip && same) delete spec.clusterIPs;
  if (ip && same) spec.clusterIPs = [ip];
}


export interface PortRange {
  base: number;
  size: number;
}

/**
 * The node port allocator's range check, which upstream runs (before validation) when it
 * allocates ports: `provided port is not in the valid range. The range of valid ports is 30000-32767`.
 */
export function validateNodePortRange(svc: KObject, range: PortRange = { base: 30000, size: 2768 }): FieldError[] {
  const last = range.base + range.size - 1;
  const detail = `provided port is not in the valid range. The range of valid ports is ${range.base}-${last}`;
  return objs(obj(svc.spec).ports).flatMap((p, i) => {
    const np = typeof p.nodePort === 'number' ? p.nodePort : 0;
    return np && (np < range.base || np > last) ? [invalid(`spec.ports[${i}].nodePort`, np, detail)] : [];
  });
}
