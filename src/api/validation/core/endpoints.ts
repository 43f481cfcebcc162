// Endpoints (ValidateEndpoints) and discovery.k8s.io EndpointSlice.
import type { FieldError, KObject } from '../../types.js';
import { child, index, invalid, notSupported, required, tooMany, type Path } from '../field.js';
import { has, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { isValidIP, validateNonSpecialIP } from '../ipnet.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../names.js';
import { PROTOCOLS } from '../pod/container.js';

function address(a: JsonObject, fld: Path): FieldError[] {
  const ip = str(a.ip);
  const errs = isValidIP(child(fld, 'ip'), ip);
  if (str(a.hostname)) errs.push(...isDNS1123Label(str(a.hostname)).map((m) => invalid(child(fld, 'hostname'), str(a.hostname), m)));
  if (has(a, 'nodeName')) errs.push(...nameIsDNSSubdomain(str(a.nodeName), false).map((m) => invalid(child(fld, 'nodeName'), str(a.nodeName), m)));
  return [...errs, ...validateNonSpecialIP(ip, child(fld, 'ip'))];
}

function port(p: JsonObject, requireName: boolean, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errs.push(required(child(fld, 'name')));
  else if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(child(fld, 'name'), name, m)));
  const n = optNum(p.port) ?? 0;
  errs.push(...isValidPortNum(n).map((m) => invalid(child(fld, 'port'), n, m)));
  const proto = str(p.protocol);
  if (!proto) errs.push(required(child(fld, 'protocol')));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(fld, 'protocol'), proto, PROTOCOLS));
  if (has(p, 'appProtocol')) errs.push(...isQualifiedName(str(p.appProtocol)).map((m) => invalid(child(fld, 'appProtocol'), str(p.appProtocol), m)));
  return errs;
}

export function validateEndpoints(ep: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(ep.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(ep.metadata, true, nameIsDNSSubdomain));
  objs(ep.subsets).forEach((ss, i) => {
    const p = index('subsets', i);
    if (!objs(ss.addresses).length && !objs(ss.notReadyAddresses).length) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    objs(ss.addresses).forEach((a, j) => errs.push(...address(a, index(child(p, 'addresses'), j))));
    objs(ss.notReadyAddresses).forEach((a, j) => errs.push(...address(a, index(child(p, 'notReadyAddresses'), j))));
    const ports = objs(ss.ports);
    ports.forEach((pt, j) => errs.push(...port(pt, ports.length > 1, index(child(p, 'ports'), j))));
  });
  return errs;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function sliceEndpoint(e: JsonObject, addressType: string, fld: Path): FieldError[] {
  const addrs = strList(e.addresses) ?? [];
  const errs: FieldError[] = [];
  if (!addrs.length) errs.push(required(child(fld, 'addresses'), 'must contain at least 1 address'));
  else if (addrs.length > 100) errs.push(tooMany(child(fld, 'addresses'), addrs.length, 100));
  addrs.forEach((a, i) => {
    const p = index(child(fld, 'addresses'), i);
    if (addressType === 'FQDN') errs.push(...isDNS1123Subdomain(a).map((m) => invalid(p, a, m)));
    else errs.push(...isValidIP(p, a));
  });
  if (str(e.hostname)) errs.push(...isDNS1123Label(str(e.hostname)).map((m) => invalid(child(fld, 'hostname'), str(e.hostname), m)));
  return errs;
}

export function validateEndpointSlice(es: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(es.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(es.metadata, true, nameIsDNSSubdomain));
  const addressType = str(es.addressType);
  if (!addressType) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(addressType)) errs.push(notSupported('addressType', addressType, ADDRESS_TYPES));
  if (old && str(old.addressType) !== addressType) errs.push(invalid('addressType', addressType, 'field is immutable'));
  objs(es.endpoints).forEach((e, i) => errs.push(...sliceEndpoint(e, addressType, index('endpoints', i))));
  objs(es.ports).forEach((p, i) => {
    const name = str(p.name);
    if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(child(index('ports', i), 'name'), name, m)));
    const proto = str(p.protocol);
    if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(index('ports', i), 'protocol'), proto, PROTOCOLS));
  });
  return errs;
}

