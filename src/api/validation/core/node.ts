// Node (ValidateNode, ValidateNodeUpdate).
import type { FieldError, KObject } from '../../types.js';
import { duplicate, forbidden, index, invalid } from '../field.js';
import { goQuote, goStruct } from '../govalue.js';
import { obj, objs, str, strList, type JsonObject } from '../json.js';
import { isValidCIDR, parseCIDR } from '../ipnet.js';
import { validateCoreObjectMeta } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName, isValidLabelValue } from '../names.js';
import { quantityOf } from '../quantity.js';
import { validateTaintEffect } from '../pod/scheduling.js';
import { validateResourceQuantityValue } from './resourcenames.js';

function taints(spec: JsonObject): FieldError[] {
  const fld = 'metadata.taints';
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  objs(spec.taints).forEach((t, i) => {
    const p = index(fld, i);
    const k = str(t.key);
    const effect = str(t.effect);
    errs.push(...isQualifiedName(k).map((m) => invalid(`${p}.key`, k, m)));
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length) errs.push(invalid(`${p}.value`, str(t.value), msgs.join(';')));
    errs.push(...validateTaintEffect(effect, false, `${p}.effect`));
    const keys = unique.get(effect) ?? new Set<string>();
    if (keys.has(k)) {
      const shown = goStruct('core.Taint', [['Key', goQuote(k)], ['Value', goQuote(str(t.value))], ['Effect', goQuote(effect)], ['TimeAdded', '(*v1.Time)(nil)']]);
      errs.push({ ...duplicate(p, shown), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    unique.set(effect, keys.add(k));
  });
  return errs;
}

function resources(node: KObject): FieldError[] {
  const status = obj(node.status);
  return ['capacity', 'allocatable'].flatMap((f) => Object.entries(obj(status[f])).flatMap(([k, v]) => {
    const q = quantityOf(v);
    return q ? validateResourceQuantityValue(k, q, `status.${f}.${k}`) : [];
  }));
}

function podCIDRs(spec: JsonObject): FieldError[] {
  const cidrs = strList(spec.podCIDRs) ?? [];
  const fld = 'spec.podCIDRs';
  const errs = cidrs.flatMap((c, i) => isValidCIDR(index(fld, i), c));
  if (cidrs.length > 1) {
    const fams = cidrs.map((c) => parseCIDR(c)?.family ?? 0);
    if (cidrs.length > 2 || fams[0] === fams[1]) errs.push(invalid(fld, cidrs, 'may specify no more than one CIDR for each IP family'));
    cidrs.forEach((c, i) => {
      if (cidrs.indexOf(c) !== i) errs.push(duplicate(index(fld, i), c));
    });
  }
  return errs;
}

export function validateNode(node: KObject): FieldError[] {
  const spec = obj(node.spec);
  return [...validateCoreObjectMeta(node.metadata, false, nameIsDNSSubdomain), ...taints(spec), ...resources(node), ...podCIDRs(spec)];
}

export function validateNodeUpdate(node: KObject, old: KObject): FieldError[] {
  const spec = obj(node.spec);
  const oldSpec = obj(old.spec);
  const errs = resources(node);
  const seen = new Set<string>();
  objs(obj(node.status).addresses).forEach((a, i) => {
    const k = `${str(a.type)}/${str(a.address)}`;
    if (seen.has(k)) errs.push(duplicate(index('status.addresses', i), goStruct('core.NodeAddress', [['Type', goQuote(str(a.type))], ['Address', goQuote(str(a.address))]])));
    seen.add(k);
  });
  const oldCIDRs = strList(oldSpec.podCIDRs) ?? [];
  const cidrs = strList(spec.podCIDRs) ?? [];
  const msg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCIDRs.length && oldCIDRs.length !== cidrs.length) errs.push(forbidden('spec.podCIDRs', msg));
  else if (oldCIDRs.length) oldCIDRs.forEach((c, i) => { if (c !== cidrs[i]) errs.push(forbidden('spec.podCIDRs', msg)); });
  if (str(oldSpec.providerID) && str(oldSpec.providerID) !== str(spec.providerID)) errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  errs.push(...taints(spec));
  if (str(spec.externalID) !== str(oldSpec.externalID)) errs.push(forbidden('spec.externalID', 'may not be updated'));
  return errs;
}

