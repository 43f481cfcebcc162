// Tolerations, topology spread, DNS config, readiness/scheduling gates and host aliases.
import type { FieldError } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, type Path } from '../field.js';
import { has, obj, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { isValidIP } from '../ipnet.js';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../names.js';
import { validateLabelSelector } from '../selector.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, fld: Path): FieldError[] {
  if (!allowEmpty && !effect) return [required(fld)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(fld, effect, TAINT_EFFECTS)];
}

function toleration(t: JsonObject, idx: Path): FieldError[] {
  const errs: FieldError[] = [];
  const k = str(t.key);
  const op = str(t.operator);
  if (k) errs.push(...isQualifiedName(k).map((m) => invalid(child(idx, 'key'), k, m)));
  if (!k && op !== 'Exists') errs.push(invalid(child(idx, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  if (has(t, 'tolerationSeconds') && str(t.effect) !== 'NoExecute') errs.push(invalid(child(idx, 'effect'), str(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  if (op === 'Equal' || op === '') {
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length) errs.push(invalid(child(idx, 'operator'), str(t.value), msgs.join(';')));
  } else if (op === 'Exists') {
    if (str(t.value)) errs.push(invalid(child(idx, 'operator'), str(t.value), "value must be empty when `operator` is 'Exists'"));
  } else errs.push(notSupported(child(idx, 'operator'), op, ['Equal', 'Exists']));
  if (str(t.effect)) errs.push(...validateTaintEffect(str(t.effect), true, child(idx, 'effect')));
  return errs;
}

export function validateTolerations(tolerations: unknown, fld: Path): FieldError[] {
  return objs(tolerations).flatMap((t, i) => toleration(t, index(fld, i)));
}

function spreadConstraint(c: JsonObject, rest: JsonObject[], fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const skew = optNum(c.maxSkew) ?? 0;
  if (skew <= 0) errs.push(invalid(child(fld, 'maxSkew'), skew, 'must be greater than zero'));
  if (!str(c.topologyKey)) errs.push(required(child(fld, 'topologyKey'), 'can not be empty'));
  const action = str(c.whenUnsatisfiable);
  if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') errs.push(notSupported(child(fld, 'whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']));
  if (rest.some((r) => str(r.topologyKey) === str(c.topologyKey) && str(r.whenUnsatisfiable) === action)) {
    errs.push(duplicate(child(fld, '{topologyKey, whenUnsatisfiable}'), `{${str(c.topologyKey)}, ${action}}`));
  }
  const minDomains = optNum(c.minDomains);
  if (minDomains !== undefined && minDomains <= 0) errs.push(invalid(child(fld, 'minDomains'), minDomains, 'must be greater than zero'));
  if (minDomains !== undefined && action !== 'DoNotSchedule') errs.push(invalid(child(fld, 'minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
  for (const p of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
    if (has(c, p) && !['Honor', 'Ignore'].includes(str(c[p]))) errs.push(notSupported(child(fld, p), str(c[p]), ['Honor', 'Ignore']));
  }
  return [...errs, ...validateLabelSelector(c.labelSelector, child(fld, 'labelSelector'))];
}

export function validateTopologySpread(constraints: unknown, fld: Path): FieldError[] {
  const list = objs(constraints);
  return list.flatMap((c, i) => spreadConstraint(c, list.slice(i + 1), index(fld, i)));
}

function dnsSearches(searches: string[], fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (searches.length > 32) errs.push(invalid(fld, searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(fld, searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    const t = s.endsWith('.') ? s.slice(0, -1) : s;
    errs.push(...isDNS1123Subdomain(t).map((m) => invalid(index(fld, i), t, m)));
  });
  return errs;
}

export function validateDNSConfig(spec: JsonObject, fld: Path): FieldError[] {
  const cfg = has(spec, 'dnsConfig') ? obj(spec.dnsConfig) : undefined;
  const nameservers = strList(cfg?.nameservers) ?? [];
  if (str(spec.dnsPolicy) === 'None') {
    if (!cfg) return [required(fld, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!nameservers.length) return [required(child(fld, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  if (nameservers.length > 3) errs.push(invalid(child(fld, 'nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => errs.push(...isValidIP(index(child(fld, 'nameservers'), i), ns)));
  errs.push(...dnsSearches(strList(cfg.searches) ?? [], child(fld, 'searches')));
  objs(cfg.options).forEach((o, i) => {
    if (!str(o.name)) errs.push(required(index(child(fld, 'options'), i), 'must not be empty'));
  });
  return errs;
}

export function validateGates(spec: JsonObject, fld: Path): FieldError[] {
  const errs = objs(spec.readinessGates).flatMap((g, i) => {
    const p = child(index(child(fld, 'readinessGates'), i), 'conditionType');
    return isQualifiedName(str(g.conditionType)).map((m) => invalid(p, str(g.conditionType), m));
  });
  const seen = new Set<string>();
  objs(spec.schedulingGates).forEach((g, i) => {
    const p = index(child(fld, 'schedulingGates'), i);
    errs.push(...isQualifiedName(str(g.name)).map((m) => invalid(p, str(g.name), m)));
    if (seen.has(str(g.name))) errs.push(duplicate(p, str(g.name)));
    seen.add(str(g.name));
  });
  return errs;
}

export function validateHostAliases(aliases: unknown, fld: Path): FieldError[] {
  return objs(aliases).flatMap((a, i) => {
    const p = index(fld, i);
    const errs = isValidIP(child(p, 'ip'), str(a.ip));
    (strList(a.hostnames) ?? []).forEach((h, j) => errs.push(...isDNS1123Subdomain(h).map((m) => invalid(index(child(p, 'hostnames'), j), h, m))));
    return errs;
  });
}
