// Regular, init and ephemeral container lists (validateContainers, validateInitContainers, ...).
import type { FieldError } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, notFound, notSupported, required, type Path } from '../field.js';
import { goStructOf } from '../govalue.js';
import { has, obj, objs, optNum, str, type JsonObject } from '../json.js';
import { validateContainerCommon, type ContainerContext } from './container.js';
import { validateContainerProbe, validateLifecycle } from './handlers.js';

/** AccumulateUniqueHostPorts over the given containers (paths index into `fld`). */
export function checkHostPortConflicts(containers: JsonObject[], fld: Path, offset = 0): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    objs(c.ports).forEach((p, pi) => {
      const hp = optNum(p.hostPort) ?? 0;
      if (!hp) return;
      const k = `${str(p.protocol)}/${str(p.hostIP)}/${hp}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(fld, ci + offset), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

function probesAndLifecycle(c: JsonObject, grace: number | undefined, fld: Path): FieldError[] {
  const errs = has(c, 'lifecycle') ? validateLifecycle(obj(c.lifecycle), grace, child(fld, 'lifecycle')) : [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) errs.push(...validateContainerProbe(kind, c, grace, child(fld, kind)));
  return errs;
}

export function validateContainers(containers: unknown, fld: Path, ctx: ContainerContext, grace: number | undefined): FieldError[] {
  const list = objs(containers);
  if (!list.length) return [required(fld)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(fld, i);
    errs.push(...validateContainerCommon(c, p, ctx));
    if (names.has(str(c.name))) errs.push(duplicate(child(p, 'name'), str(c.name)));
    else names.add(str(c.name));
    errs.push(...probesAndLifecycle(c, grace, p));
    if (has(c, 'restartPolicy')) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return [...errs, ...checkHostPortConflicts(list, fld)];
}

const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

export function validateInitContainers(inits: unknown, regular: unknown, fld: Path, ctx: ContainerContext, grace: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objs(regular).map((c) => str(c.name)));
  objs(inits).forEach((c, i) => {
    const p = index(fld, i);
    errs.push(...validateContainerCommon(c, p, ctx));
    const restartAlways = has(c, 'restartPolicy') && str(c.restartPolicy) === 'Always';
    if (has(c, 'restartPolicy') && !restartAlways) errs.push(notSupported(child(p, 'restartPolicy'), str(c.restartPolicy), ['Always']));
    if (names.has(str(c.name))) errs.push(duplicate(child(p, 'name'), str(c.name)));
    else if (str(c.name)) names.add(str(c.name));
    errs.push(...checkHostPortConflicts([c], fld));
    if (restartAlways) errs.push(...probesAndLifecycle(c, grace, p));
    else for (const f of INIT_FORBIDDEN) if (has(c, f)) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
    if (has(c, 'resizePolicy') && objs(c.resizePolicy).length) errs.push(invalid(child(p, 'resizePolicy'), goStructOf('[]core.ContainerResizePolicy', c.resizePolicy), 'must not be set for init containers'));
  });
  return errs;
}

const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

export function validateEphemeralContainers(spec: JsonObject, fld: Path, ctx: ContainerContext): FieldError[] {
  const others = new Set([...objs(spec.containers), ...objs(spec.initContainers)].map((c) => str(c.name)));
  const all = new Set(others);
  const errs: FieldError[] = [];
  objs(spec.ephemeralContainers).forEach((c, i) => {
    const p = index(fld, i);
    errs.push(...validateContainerCommon(c, p, ctx));
    const image = str(c.image);
    if (image.length !== image.trim().length) errs.push(invalid(child(p, 'image'), image, 'must not have leading or trailing whitespace'));
    if (all.has(str(c.name))) errs.push(duplicate(child(p, 'name'), str(c.name)));
    else all.add(str(c.name));
    if (str(c.targetContainerName) && !others.has(str(c.targetContainerName))) errs.push(notFound(child(p, 'targetContainerName'), str(c.targetContainerName)));
    for (const f of EPHEMERAL_FORBIDDEN) if (has(c, f) && (f !== 'resources' || Object.keys(obj(c.resources)).length)) errs.push(forbidden(child(p, f), 'cannot be set for an Ephemeral Container'));
    objs(c.volumeMounts).forEach((vm, j) => {
      for (const f of ['subPath', 'subPathExpr']) if (str(vm[f])) errs.push(forbidden(child(index(child(p, 'volumeMounts'), j), f), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}
