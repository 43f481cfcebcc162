// validateContainerCommon: what every container (regular, init, ephemeral) must satisfy.
import type { FieldError } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, type Path } from '../field.js';
import { has, obj, objs, optNum, str, type JsonObject } from '../json.js';
import { isDNS1123Label, isValidPortName, isValidPortNum } from '../names.js';
import { validateEnv, validateEnvFrom } from './env.js';
import { validateVolumeDevices, validateVolumeMounts } from './mounts.js';
import { validateResourceRequirements } from './resources.js';
import { validateContainerSecurityContext } from './security.js';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePort(port: JsonObject, idx: Path, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(port.name);
  if (name) {
    const msgs = isValidPortName(name);
    if (msgs.length) errs.push(...msgs.map((m) => invalid(child(idx, 'name'), name, m)));
    else if (names.has(name)) errs.push(duplicate(child(idx, 'name'), name));
    else names.add(name);
  }
  const cp = optNum(port.containerPort) ?? 0;
  if (cp === 0) errs.push(required(child(idx, 'containerPort')));
  else errs.push(...isValidPortNum(cp).map((m) => invalid(child(idx, 'containerPort'), cp, m)));
  const hp = optNum(port.hostPort) ?? 0;
  if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(child(idx, 'hostPort'), hp, m)));
  const proto = str(port.protocol);
  if (!proto) errs.push(required(child(idx, 'protocol')));
  else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(idx, 'protocol'), proto, PROTOCOLS));
  return errs;
}

export function validateContainerPorts(ports: unknown, fld: Path): FieldError[] {
  const names = new Set<string>();
  return objs(ports).flatMap((p, i) => validatePort(p, index(fld, i), names));
}

function enumField(value: string, fld: Path, valid: readonly string[]): FieldError[] {
  if (!value) return [required(fld)];
  return valid.includes(value) ? [] : [notSupported(fld, value, valid)];
}

function validateResizePolicy(c: JsonObject, fld: Path, restartPolicy: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objs(c.resizePolicy).forEach((p, i) => {
    const name = str(p.resourceName);
    const policy = str(p.restartPolicy);
    if (seen.has(name)) errs.push(duplicate(index(fld, i), name));
    seen.add(name);
    if (!name) errs.push(required(fld));
    else if (name !== 'cpu' && name !== 'memory') errs.push(notSupported(fld, name, ['cpu', 'memory']));
    if (!policy) errs.push(required(fld));
    else if (policy !== 'NotRequired' && policy !== 'RestartContainer') errs.push(notSupported(fld, policy, ['NotRequired', 'RestartContainer']));
    if (restartPolicy === 'Never' && policy !== 'NotRequired') errs.push(invalid(fld, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

export interface ContainerContext {
  volumes: Map<string, JsonObject>;
  restartPolicy: string;
  hostUsers: boolean;
}

export function validateContainerCommon(c: JsonObject, fld: Path, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(required(child(fld, 'name')));
  else errs.push(...isDNS1123Label(name).map((m) => invalid(child(fld, 'name'), name, m)));
  if (!str(c.image)) errs.push(required(child(fld, 'image')));
  errs.push(...enumField(str(c.terminationMessagePolicy), child(fld, 'terminationMessagePolicy'), TERMINATION_POLICIES));
  errs.push(...validateContainerPorts(c.ports, child(fld, 'ports')));
  errs.push(...validateEnv(c.env, child(fld, 'env')), ...validateEnvFrom(c.envFrom, child(fld, 'envFrom')));
  errs.push(...validateVolumeMounts(c, ctx.volumes, child(fld, 'volumeMounts')));
  errs.push(...validateVolumeDevices(c, ctx.volumes, child(fld, 'volumeDevices')));
  errs.push(...enumField(str(c.imagePullPolicy), child(fld, 'imagePullPolicy'), PULL_POLICIES));
  errs.push(...validateResourceRequirements(obj(c.resources), child(fld, 'resources')));
  errs.push(...validateResizePolicy(c, child(fld, 'resizePolicy'), ctx.restartPolicy));
  if (has(c, 'securityContext')) errs.push(...validateContainerSecurityContext(c.securityContext, child(fld, 'securityContext'), ctx.hostUsers));
  return errs;
}
