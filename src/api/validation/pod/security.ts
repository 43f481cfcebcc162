// Pod and container security contexts (validatePodSpecSecurityContext, ValidateSecurityContext).
import type { FieldError } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, type Path } from '../field.js';
import { goStructOf } from '../govalue.js';
import { arr, has, obj, optNum, optObj, str, type JsonObject } from '../json.js';
import { isValidGroupID, isValidUserID } from '../names.js';
import { validateLocalDescendingPath } from './paths.js';

const SYSCTL_RE = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const SYSCTL_FMT = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';

function ids(sc: JsonObject, fld: Path, fields: ReadonlyArray<readonly [string, (n: number) => string[]]>): FieldError[] {
  return fields.flatMap(([f, check]) => {
    const v = optNum(sc[f]);
    return v === undefined ? [] : check(v).map((m) => invalid(child(fld, f), v, m));
  });
}

function seccomp(sp: JsonObject | undefined, fld: Path): FieldError[] {
  if (!sp) return [];
  const type = str(sp.type);
  const errs: FieldError[] = [];
  if (!type) errs.push(required(child(fld, 'type'), 'type is required when seccompProfile is set'));
  else if (!['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type)) errs.push(notSupported(child(fld, 'type'), type, ['Localhost', 'RuntimeDefault', 'Unconfined']));
  if (type === 'Localhost') {
    if (!has(sp, 'localhostProfile')) errs.push(required(child(fld, 'localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(str(sp.localhostProfile), child(fld, 'localhostProfile')));
  } else if (has(sp, 'localhostProfile')) errs.push(invalid(child(fld, 'localhostProfile'), goStructOf('core.SeccompProfile', sp), 'can only be set when seccomp type is Localhost'));
  return errs;
}

function appArmor(p: JsonObject | undefined, fld: Path): FieldError[] {
  if (!p) return [];
  const type = str(p.type);
  if (type === 'Localhost') return has(p, 'localhostProfile') && str(p.localhostProfile).trim() ? [] : [required(child(fld, 'localhostProfile'), 'must be set when AppArmor type is Localhost')];
  if (type === 'RuntimeDefault' || type === 'Unconfined') return has(p, 'localhostProfile') ? [invalid(child(fld, 'localhostProfile'), str(p.localhostProfile), 'can only be set when AppArmor type is Localhost')] : [];
  if (!type) return [required(child(fld, 'type'), 'type is required when appArmorProfile is set')];
  return [notSupported(child(fld, 'type'), type, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
}

function sysctls(sc: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  arr(sc.sysctls).map(obj).forEach((s, i) => {
    const name = str(s.name);
    const p = child(index(fld, i), 'name');
    if (!name) errs.push(required(p));
    else if (name.length > 253 || !SYSCTL_RE.test(name)) errs.push(invalid(p, name, `must have at most 253 characters and match regex ${SYSCTL_FMT}`));
    else if (seen.has(name)) errs.push(duplicate(p, name));
    if (sc.hostNetwork === true && /^net\./.test(name)) errs.push(invalid(p, name, "may not be specified when 'hostNetwork' is true"));
    seen.add(name);
  });
  return errs;
}

/** validatePodSpecSecurityContext (hostNetwork/PID/IPC live in the pod spec in v1). */
export function validatePodSecurityContext(spec: JsonObject, fld: Path): FieldError[] {
  const sc = optObj(spec.securityContext);
  if (!sc) return [];
  const errs = ids(sc, fld, [['fsGroup', isValidGroupID], ['runAsUser', isValidUserID], ['runAsGroup', isValidGroupID]]);
  arr(sc.supplementalGroups).forEach((g, i) => {
    const gid = typeof g === 'number' ? g : 0;
    errs.push(...isValidGroupID(gid).map((m) => invalid(index(child(fld, 'supplementalGroups'), i), gid, m)));
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) errs.push(invalid(child(fld, 'shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  if (arr(sc.sysctls).length) errs.push(...sysctls({ ...sc, hostNetwork: spec.hostNetwork }, child(fld, 'sysctls')));
  if (has(sc, 'fsGroupChangePolicy') && !['Always', 'OnRootMismatch'].includes(str(sc.fsGroupChangePolicy))) {
    errs.push(notSupported(child(fld, 'fsGroupChangePolicy'), str(sc.fsGroupChangePolicy), ['Always', 'OnRootMismatch']));
  }
  errs.push(...seccomp(optObj(sc.seccompProfile), child(fld, 'seccompProfile')), ...appArmor(optObj(sc.appArmorProfile), child(fld, 'appArmorProfile')));
  return errs;
}

/** ValidateSecurityContext for a container. */
export function validateContainerSecurityContext(scRaw: unknown, fld: Path, hostUsers: boolean): FieldError[] {
  const sc = optObj(scRaw);
  if (!sc) return [];
  const errs = ids(sc, fld, [['runAsUser', isValidUserID], ['runAsGroup', isValidGroupID]]);
  if (has(sc, 'procMount')) {
    const pm = str(sc.procMount);
    if (pm !== 'Default' && pm !== 'Unmasked') errs.push(notSupported(child(fld, 'procMount'), pm, ['Default', 'Unmasked']));
    if (hostUsers && pm === 'Unmasked') errs.push(invalid(child(fld, 'procMount'), pm, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...seccomp(optObj(sc.seccompProfile), child(fld, 'seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    const shown = goStructOf('core.SecurityContext', sc);
    if (sc.privileged === true) errs.push(invalid(fld, shown, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if (arr(obj(sc.capabilities).add).includes('CAP_SYS_ADMIN')) errs.push(invalid(fld, shown, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
  }
  return [...errs, ...appArmor(optObj(sc.appArmorProfile), child(fld, 'appArmorProfile'))];
}
