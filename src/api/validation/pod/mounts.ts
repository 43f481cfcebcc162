// Container volumeMounts and volumeDevices (ValidateVolumeMounts, ValidateVolumeDevices).
import type { FieldError } from '../../types.js';
import { child, forbidden, index, invalid, notFound, notSupported, required, type Path } from '../field.js';
import { has, obj, objs, str, type JsonObject } from '../json.js';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths.js';

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RRO = ['Disabled', 'Enabled', 'IfPossible'];

function propagation(mnt: JsonObject, container: JsonObject, fld: Path): FieldError[] {
  if (!has(mnt, 'mountPropagation')) return [];
  const mode = str(mnt.mountPropagation);
  const errs = PROPAGATIONS.includes(mode) ? [] : [notSupported(fld, mode, PROPAGATIONS)];
  const privileged = obj(container.securityContext).privileged === true;
  if (mode === 'Bidirectional' && !privileged) errs.push(forbidden(fld, 'Bidirectional mount propagation is available only to privileged containers'));
  return errs;
}

function recursiveReadOnly(mnt: JsonObject, fld: Path): FieldError[] {
  if (!has(mnt, 'recursiveReadOnly')) return [];
  const v = str(mnt.recursiveReadOnly);
  if (v === 'Disabled') return [];
  if (!RRO.includes(v)) return [notSupported(fld, v, RRO)];
  const errs = mnt.readOnly === true ? [] : [forbidden(fld, 'may only be specified when readOnly is true')];
  if (has(mnt, 'mountPropagation') && str(mnt.mountPropagation) !== 'None') errs.push(forbidden(fld, 'may only be specified when mountPropagation is None or not specified'));
  return errs;
}

function subPaths(mnt: JsonObject, idx: Path, fld: Path, vol: JsonObject | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const sub = str(mnt.subPath);
  const expr = str(mnt.subPathExpr);
  if (vol && has(vol, 'image')) {
    if (sub) errs.push(invalid(child(idx, 'subPath'), sub, 'not allowed in image volume sources'));
    if (expr) errs.push(invalid(child(idx, 'subPathExpr'), expr, 'not allowed in image volume sources'));
  }
  if (sub) errs.push(...validateLocalDescendingPath(sub, child(fld, 'subPath')));
  if (expr) {
    if (sub) errs.push(invalid(child(idx, 'subPathExpr'), expr, 'subPathExpr and subPath are mutually exclusive'));
    errs.push(...validateLocalDescendingPath(expr, child(fld, 'subPathExpr')));
  }
  return errs;
}

function validateMount(mnt: JsonObject, idx: Path, ctx: MountContext, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(mnt.name);
  const mountPath = str(mnt.mountPath);
  if (!name) errs.push(required(child(idx, 'name')));
  if (!ctx.volumes.has(name)) errs.push(notFound(child(idx, 'name'), name));
  if (!mountPath) errs.push(required(child(idx, 'mountPath')));
  if (seen.has(mountPath)) errs.push(invalid(child(idx, 'mountPath'), mountPath, 'must be unique'));
  seen.add(mountPath);
  if (ctx.devices.has(name)) errs.push(invalid(child(idx, 'name'), name, 'must not already exist in volumeDevices'));
  if ([...ctx.devices.values()].includes(mountPath)) errs.push(invalid(child(idx, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
  errs.push(...subPaths(mnt, idx, ctx.fld, ctx.volumes.get(name)));
  errs.push(...propagation(mnt, ctx.container, child(ctx.fld, 'mountPropagation')));
  return [...errs, ...recursiveReadOnly(mnt, child(ctx.fld, 'recursiveReadOnly'))];
}

interface MountContext {
  volumes: Map<string, JsonObject>;
  devices: Map<string, string>;
  container: JsonObject;
  fld: Path;
}

export function validateVolumeMounts(container: JsonObject, volumes: Map<string, JsonObject>, fld: Path): FieldError[] {
  const devices = new Map(objs(container.volumeDevices).map((d) => [str(d.name), str(d.devicePath)]));
  const ctx: MountContext = { volumes, devices, container, fld };
  const seen = new Set<string>();
  return objs(container.volumeMounts).flatMap((m, i) => validateMount(m, index(fld, i), ctx, seen));
}

function validateDevice(dev: JsonObject, idx: Path, ctx: { volumes: Map<string, JsonObject>; mounts: Map<string, string>; fld: Path }, seen: { names: Set<string>; paths: Set<string> }): FieldError[] {
  const name = str(dev.name);
  const devPath = str(dev.devicePath);
  const vol = ctx.volumes.get(name);
  const isPVC = !!vol && (has(vol, 'persistentVolumeClaim') || has(vol, 'ephemeral'));
  const errs: FieldError[] = [];
  if (!name) errs.push(required(child(idx, 'name')));
  if (seen.names.has(name)) errs.push(invalid(child(idx, 'name'), name, 'must be unique'));
  if (vol && !isPVC) errs.push(invalid(child(idx, 'name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
  if (!vol) errs.push(notFound(child(idx, 'name'), name));
  if (!devPath) errs.push(required(child(idx, 'devicePath')));
  if (seen.paths.has(devPath)) errs.push(invalid(child(idx, 'devicePath'), devPath, 'must be unique'));
  if (devPath && validatePathNoBacksteps(devPath, ctx.fld).length) errs.push(invalid(child(idx, 'devicePath'), devPath, "can not contain backsteps ('..')"));
  else seen.paths.add(devPath);
  if (ctx.mounts.has(name)) errs.push(invalid(child(idx, 'name'), name, 'must not already exist in volumeMounts'));
  if ([...ctx.mounts.values()].includes(devPath)) errs.push(invalid(child(idx, 'devicePath'), devPath, 'must not already exist as a path in volumeMounts'));
  if (name) seen.names.add(name);
  return errs;
}

export function validateVolumeDevices(container: JsonObject, volumes: Map<string, JsonObject>, fld: Path): FieldError[] {
  const mounts = new Map(objs(container.volumeMounts).map((m) => [str(m.name), str(m.mountPath)]));
  const seen = { names: new Set<string>(), paths: new Set<string>() };
  return objs(container.volumeDevices).flatMap((d, i) => validateDevice(d, index(fld, i), { volumes, mounts, fld }, seen));
}
