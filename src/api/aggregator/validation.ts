// kube-aggregator's APIService validation (ValidateAPIService, ValidateAPIServiceUpdate): the name
// is version.group, the priorities are in range, a Service-backed one names its Service.
import type { FieldError, KObject } from '../types.js';
import { invalid, required } from '../validation/field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/meta.js';
import { isDNS1035Label, isDNS1123Subdomain, isValidPathSegmentName } from '../validation/names.js';
/** The create and update checks of a kind (validation/registry's Strategy). */
interface Strategy {
  create(obj: KObject): FieldError[];
  update(obj: KObject, old: KObject): FieldError[];
}

interface Spec {
  group?: string;
  version?: string;
  groupPriorityMinimum?: number;
  versionPriority?: number;
  insecureSkipTLSVerify?: boolean;
  caBundle?: string;
  service?: { namespace?: string; name?: string; port?: number } | null;
}

function nameCheck(required: string) {
  return (name: string): string[] => {
    const minimal = isValidPathSegmentName(name);
    if (minimal.length) return minimal;
    return name === required ? [] : [`must be \`spec.version+"."+spec.group\`: ${JSON.stringify(required)}`];
  };
}

function serviceErrors(s: Spec): FieldError[] {
  const errs: FieldError[] = [];
  const svc = s.service;
  if (!svc) {
    if (s.caBundle) errs.push(invalid('spec.caBundle', `${Buffer.from(s.caBundle, 'base64').length} bytes`, 'local APIServices may not have a caBundle'));
    if (s.insecureSkipTLSVerify) errs.push(invalid('spec.insecureSkipTLSVerify', true, 'local APIServices may not have insecureSkipTLSVerify'));
    return errs;
  }
  if (!svc.namespace) errs.push(required('spec.service.namespace'));
  if (!svc.name) errs.push(required('spec.service.name'));
  const port = svc.port ?? 443;
  if (!(port >= 1 && port <= 65535)) errs.push(invalid('spec.service.port', port, 'port is not valid: must be between 1 and 65535, inclusive'));
  if (s.insecureSkipTLSVerify && s.caBundle) errs.push(invalid('spec.insecureSkipTLSVerify', true, 'may not be true if caBundle is present'));
  return errs;
}

export function validateAPIService(obj: KObject): FieldError[] {
  const s = (obj.spec ?? {}) as Spec;
  const group = s.group ?? '';
  const version = s.version ?? '';
  const errs = validateObjectMeta(obj.metadata, false, nameCheck(`${version}.${group}`));
  if (!group && version !== 'v1') errs.push(required('spec.group', 'only v1 may have an empty group and it better be legacy kube'));
  if (group) for (const e of isDNS1123Subdomain(group)) errs.push(invalid('spec.group', group, e));
  for (const e of isDNS1035Label(version)) errs.push(invalid('spec.version', version, e));
  const gpm = s.groupPriorityMinimum ?? 0;
  if (gpm <= 0 || gpm > 20000) errs.push(invalid('spec.groupPriorityMinimum', gpm, 'must be positive and less than 20000'));
  const vp = s.versionPriority ?? 0;
  if (vp <= 0 || vp > 1000) errs.push(invalid('spec.versionPriority', vp, 'must be positive and less than 1000'));
  return [...errs, ...serviceErrors(s)];
}

export const apiServiceStrategy: Strategy = {
  create: validateAPIService,
  update: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateAPIService(obj)],
};
