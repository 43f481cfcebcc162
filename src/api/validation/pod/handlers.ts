// Probes and lifecycle hooks (validateProbe, validateHandler and the action checks).
import type { FieldError } from '../../types.js';
import { child, forbidden, internalError, invalid, notSupported, required, type Path } from '../field.js';
import { arr, has, obj, optNum, str, type JsonObject } from '../json.js';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../names.js';

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, fld: Path): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(fld, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(fld, port, m));
  return [internalError(fld, `unknown type: ${port === undefined ? 0 : 2}`)];
}

function httpGet(h: JsonObject, fld: Path): FieldError[] {
  const errs = str(h.path) ? [] : [required(child(fld, 'path'))];
  errs.push(...validatePortNumOrName(h.port ?? 0, child(fld, 'port')));
  if (!['HTTP', 'HTTPS'].includes(str(h.scheme))) errs.push(notSupported(child(fld, 'scheme'), str(h.scheme), ['HTTP', 'HTTPS']));
  for (const hdr of arr(h.httpHeaders).map(obj)) errs.push(...isHTTPHeaderName(str(hdr.name)).map((m) => invalid(child(fld, 'httpHeaders'), str(hdr.name), m)));
  return errs;
}

function sleep(s: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  const secs = optNum(s.seconds) ?? 0;
  if (grace === undefined || (secs > 0 && secs <= grace)) return [];
  return [invalid(fld, secs, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`)];
}

const ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

function action(kind: (typeof ACTIONS)[number], a: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  switch (kind) {
    case 'exec': return arr(a.command).length ? [] : [required(child(fld, 'command'))];
    case 'httpGet': return httpGet(a, fld);
    case 'tcpSocket': return validatePortNumOrName(a.port ?? 0, child(fld, 'port'));
    case 'grpc': return validatePortNumOrName(optNum(a.port) ?? 0, child(fld, 'port'));
    default: return sleep(a, grace, fld);
  }
}

/** validateHandler: exactly one action; `allowed` lists the kinds this handler type has. */
export function validateHandler(h: JsonObject, grace: number | undefined, fld: Path, allowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of ACTIONS) {
    if (!allowed.includes(kind) || !has(h, kind)) continue;
    if (n > 0) errs.push(forbidden(child(fld, kind), 'may not specify more than 1 handler type'));
    else errs.push(...action(kind, obj(h[kind]), grace, child(fld, kind)));
    n++;
  }
  if (!n) errs.push(required(fld, 'must specify a handler type'));
  return errs;
}

const PROBE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function nonNegative(p: JsonObject, f: string, fld: Path): FieldError[] {
  const v = optNum(p[f]) ?? 0;
  return v < 0 ? [invalid(child(fld, f), v, 'must be greater than or equal to 0')] : [];
}

function validateProbe(p: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  const errs = validateHandler(p, grace, fld, PROBE_ACTIONS);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(p, f, fld));
  const tgp = optNum(p.terminationGracePeriodSeconds);
  if (tgp !== undefined && tgp <= 0) errs.push(invalid(child(fld, 'terminationGracePeriodSeconds'), tgp, 'must be greater than 0'));
  return errs;
}

/** Liveness, readiness or startup probe of a container. */
export function validateContainerProbe(kind: 'livenessProbe' | 'readinessProbe' | 'startupProbe', c: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  if (!has(c, kind)) return [];
  const p = obj(c[kind]);
  const errs = validateProbe(p, grace, fld);
  if (kind === 'readinessProbe') {
    if (has(p, 'terminationGracePeriodSeconds')) errs.push(invalid(child(fld, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  } else if ((optNum(p.successThreshold) ?? 0) !== 1) errs.push(invalid(child(fld, 'successThreshold'), optNum(p.successThreshold) ?? 0, 'must be 1'));
  return errs;
}

/** validateLifecycle. */
export function validateLifecycle(lc: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (has(lc, 'postStart')) errs.push(...validateHandler(obj(lc.postStart), grace, child(fld, 'postStart'), LIFECYCLE_ACTIONS));
  if (has(lc, 'preStop')) errs.push(...validateHandler(obj(lc.preStop), grace, child(fld, 'preStop'), LIFECYCLE_ACTIONS));
  return errs;
}
