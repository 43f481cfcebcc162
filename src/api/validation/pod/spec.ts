// ValidatePodSpec: the checks shared by pods and every pod template.
import type { FieldError, ObjectMeta } from '../../types.js';
import { child, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { goStructOf } from '../govalue.js';
import { arr, has, obj, objs, optNum, optObj, str, strMap, type JsonObject } from '../json.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { inclusiveRangeError, isDNS1123Label } from '../names.js';
import { validateLabels } from '../selector.js';
import { validateAffinity } from './affinity.js';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './containers.js';
import type { ContainerContext } from './container.js';
import { validateDNSConfig, validateGates, validateHostAliases, validateTolerations, validateTopologySpread } from './scheduling.js';
import { validatePodSecurityContext } from './security.js';
import { validateVolumes } from './volumes.js';

const MAX_INT32 = 2147483647;

function enumOrRequired(value: string, fld: Path, valid: readonly string[]): FieldError[] {
  if (!value) return [required(fld)];
  return valid.includes(value) ? [] : [notSupported(fld, value, valid)];
}

function hostNetworkPorts(spec: JsonObject, fld: Path, resourceIsPod: boolean): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  return objs(spec.containers).flatMap((c, i) => objs(c.ports).flatMap((p, j) => {
    const hp = optNum(p.hostPort) ?? 0;
    const cp = optNum(p.containerPort) ?? 0;
    const at = child(index(child(index(child(fld, 'containers'), i), 'ports'), j), 'hostPort');
    return (resourceIsPod || hp !== 0) && hp !== cp ? [invalid(at, hp, 'must match `containerPort` when `hostNetwork` is true')] : [];
  }));
}

function imagePullSecrets(spec: JsonObject, fld: Path): FieldError[] {
  return objs(spec.imagePullSecrets).flatMap((s, i) =>
    Object.keys(s).some((k) => k !== 'name') ? [invalid(index(fld, i), goStructOf('core.LocalObjectReference', s), 'only name may be set')] : [],
  );
}

function hostUsers(spec: JsonObject, fld: Path): FieldError[] {
  if (obj(spec.securityContext).hostUsers !== false) return [];
  const errs: FieldError[] = [];
  if (spec.hostNetwork === true) errs.push(forbidden(child(fld, 'hostNetwork'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostPID === true) errs.push(forbidden(child(fld, 'HostPID'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostIPC === true) errs.push(forbidden(child(fld, 'HostIPC'), 'when `pod.Spec.HostUsers` is false'));
  return errs;
}

function subdomainName(value: unknown, f: string, fld: Path): FieldError[] {
  const v = str(value);
  return v ? nameIsDNSSubdomain(v, false).map((m) => invalid(child(fld, f), v, m)) : [];
}

function dnsLabelField(value: unknown, f: string, fld: Path): FieldError[] {
  const v = str(value);
  return v ? isDNS1123Label(v).map((m) => invalid(child(fld, f), v, m)) : [];
}

function validateOS(spec: JsonObject, fld: Path): FieldError[] {
  const os = optObj(spec.os);
  if (!os) return [];
  const name = str(os.name);
  if (!name) return [required(child(child(fld, 'os'), 'name'), 'cannot be empty')];
  if (name !== 'linux' && name !== 'windows') return [notSupported(child(fld, 'os'), name, ['linux', 'windows'])];
  if (name === 'linux' && has(obj(spec.securityContext), 'windowsOptions')) {
    return [forbidden(child(child(fld, 'securityContext'), 'windowsOptions'), 'windows options cannot be set for a linux pod')];
  }
  return [];
}

function miscFields(spec: JsonObject, fld: Path): FieldError[] {
  const errs = [...subdomainName(spec.serviceAccountName, 'serviceAccountName', fld), ...subdomainName(spec.nodeName, 'nodeName', fld)];
  const ads = optNum(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) errs.push(invalid(child(fld, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  errs.push(...dnsLabelField(spec.hostname, 'hostname', fld), ...dnsLabelField(spec.subdomain, 'subdomain', fld));
  errs.push(...validateTolerations(spec.tolerations, child(fld, 'tolerations')), ...validateHostAliases(spec.hostAliases, child(fld, 'hostAliases')));
  errs.push(...subdomainName(spec.priorityClassName, 'priorityClassName', fld));
  if (has(spec, 'runtimeClassName')) errs.push(...nameIsDNSSubdomain(str(spec.runtimeClassName), false).map((m) => invalid(child(fld, 'runtimeClassName'), str(spec.runtimeClassName), m)));
  if (has(spec, 'preemptionPolicy')) errs.push(...enumOrRequired(str(spec.preemptionPolicy), child(fld, 'preemptionPolicy'), ['PreemptLowerPriority', 'Never']));
  return [...errs, ...validateOS(spec, fld)];
}

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostPort must equal containerPort with hostNetwork. */
  resourceIsPod: boolean;
  podMeta?: ObjectMeta;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: JsonObject, fld: Path, opts: PodSpecOptions): FieldError[] {
  const errs: FieldError[] = [];
  const grace = optNum(spec.terminationGracePeriodSeconds);
  if (grace === undefined) errs.push(required(child(fld, 'terminationGracePeriodSeconds')));
  const { vols, errs: vErrs } = validateVolumes(spec.volumes, child(fld, 'volumes'), opts.podMeta);
  errs.push(...vErrs);
  const ctx: ContainerContext = { volumes: vols, restartPolicy: str(spec.restartPolicy), hostUsers: obj(spec.securityContext).hostUsers !== false };
  errs.push(...validateContainers(spec.containers, child(fld, 'containers'), ctx, grace));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, child(fld, 'initContainers'), ctx, grace));
  errs.push(...validateEphemeralContainers(spec, child(fld, 'ephemeralContainers'), ctx));
  errs.push(...hostNetworkPorts(spec, fld, opts.resourceIsPod));
  errs.push(...enumOrRequired(str(spec.restartPolicy), child(fld, 'restartPolicy'), ['Always', 'OnFailure', 'Never']));
  errs.push(...enumOrRequired(str(spec.dnsPolicy), child(fld, 'dnsPolicy'), ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...validateLabels(strMap(spec.nodeSelector), child(fld, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, child(fld, 'securityContext')));
  errs.push(...imagePullSecrets(spec, child(fld, 'imagePullSecrets')));
  errs.push(...validateAffinity(spec.affinity, child(fld, 'affinity')));
  errs.push(...validateDNSConfig(spec, child(fld, 'dnsConfig')), ...validateGates(spec, fld));
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, child(fld, 'topologySpreadConstraints')));
  errs.push(...hostUsers(spec, fld));
  return [...errs, ...miscFields(spec, fld)];
}

/** Projected service account tokens need a service account (pods only). */
export function projectedTokenNeedsServiceAccount(spec: JsonObject, fld: Path): FieldError[] {
  if (str(spec.serviceAccountName)) return [];
  return objs(spec.volumes).flatMap((v, vi) => objs(obj(v.projected).sources).flatMap((s, si) =>
    has(s, 'serviceAccountToken') ? [forbidden(child(index(child(child(index(child(fld, 'volumes'), vi), 'projected'), 'sources'), si), 'serviceAccountToken'), 'must not be specified when serviceAccountName is not set')] : [],
  ));
}

/** validateContainersOnlyForPod: no leading/trailing whitespace in images. */
export function imageWhitespace(containers: unknown, fld: Path): FieldError[] {
  return arr(containers).map(obj).flatMap((c, i) => {
    const image = str(c.image);
    return image.length !== image.trim().length ? [invalid(child(index(fld, i), 'image'), image, 'must not have leading or trailing whitespace')] : [];
  });
}
