// Files projected into volumes: key-to-path items, downward API files, projected sources.
import type { FieldError } from '../../types.js';
import { child, forbidden, index, invalid, required, type Path } from '../field.js';
import { has, obj, objs, optNum, str, type JsonObject } from '../json.js';
import { VOLUME_FIELD_PATHS, validateObjectFieldSelector, validateResourceFieldSelector } from './downward.js';
import { validateLocalNonReservedPath } from './paths.js';

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

export function fileMode(mode: unknown, fld: Path): FieldError[] {
  const m = optNum(mode);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(fld, m, FILE_MODE_MSG)] : [];
}

function validateKeyToPath(kp: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(kp.key)) errs.push(required(child(fld, 'key')));
  if (!str(kp.path)) errs.push(required(child(fld, 'path')));
  errs.push(...validateLocalNonReservedPath(str(kp.path), child(fld, 'path')));
  return [...errs, ...fileMode(kp.mode, child(fld, 'mode'))];
}

export function validateKeyToPaths(items: unknown, fld: Path): FieldError[] {
  return objs(items).flatMap((kp, i) => validateKeyToPath(kp, index(fld, i)));
}

function validateDownwardAPIFile(file: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(file.path)) errs.push(required(child(fld, 'path')));
  errs.push(...validateLocalNonReservedPath(str(file.path), child(fld, 'path')));
  if (has(file, 'fieldRef')) {
    errs.push(...validateObjectFieldSelector(obj(file.fieldRef), VOLUME_FIELD_PATHS, child(fld, 'fieldRef')));
    if (has(file, 'resourceFieldRef')) errs.push(invalid(fld, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (has(file, 'resourceFieldRef')) {
    errs.push(...validateResourceFieldSelector(obj(file.resourceFieldRef), child(fld, 'resourceFieldRef'), true));
  } else errs.push(required(fld, 'one of fieldRef and resourceFieldRef is required'));
  return [...errs, ...fileMode(file.mode, child(fld, 'mode'))];
}

/** Downward API items are validated at the volume's path (not per index), as upstream does. */
export function validateDownwardAPIItems(items: unknown, fld: Path): FieldError[] {
  return objs(items).flatMap((f) => validateDownwardAPIFile(f, fld));
}

function namedItemsSource(src: JsonObject, fld: Path, paths: Set<string>, fldRoot: Path): FieldError[] {
  const errs = str(src.name) ? [] : [required(child(fld, 'name'))];
  objs(src.items).forEach((kp, i) => {
    errs.push(...validateKeyToPath(kp, index(child(fld, 'items'), i)));
    const p = str(kp.path);
    if (p && paths.has(p)) errs.push(invalid(fldRoot, str(src.name), 'conflicting duplicate paths'));
    if (p) paths.add(p);
  });
  return errs;
}

function downwardSource(src: JsonObject, fld: Path, paths: Set<string>, fldRoot: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const file of objs(src.items)) {
    errs.push(...validateDownwardAPIFile(file, fld));
    const p = str(file.path);
    if (p && paths.has(p)) errs.push(invalid(fldRoot, p, 'conflicting duplicate paths'));
    if (p) paths.add(p);
  }
  return errs;
}

function tokenSource(src: JsonObject, fld: Path, fldRoot: Path): FieldError[] {
  const errs: FieldError[] = [];
  const exp = optNum(src.expirationSeconds) ?? 0;
  if (exp < 600) errs.push(invalid(child(fld, 'expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
  if (exp > 2 ** 32) errs.push(invalid(child(fld, 'expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
  if (!str(src.path)) errs.push(required(child(fldRoot, 'path')));
  else errs.push(...validateLocalNonReservedPath(str(src.path), child(fldRoot, 'path')));
  return errs;
}

function projectionSource(source: JsonObject, srcPath: Path, paths: Set<string>, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const checks: Record<string, () => FieldError[]> = {
    secret: () => namedItemsSource(obj(source.secret), child(srcPath, 'secret'), paths, fld),
    configMap: () => namedItemsSource(obj(source.configMap), child(srcPath, 'configMap'), paths, fld),
    downwardAPI: () => downwardSource(obj(source.downwardAPI), child(srcPath, 'downwardAPI'), paths, fld),
    serviceAccountToken: () => tokenSource(obj(source.serviceAccountToken), child(srcPath, 'serviceAccountToken'), fld),
    clusterTrustBundle: () => [],
  };
  for (const [k, check] of Object.entries(checks)) {
    if (!has(source, k)) continue;
    count++;
    errs.push(...check());
  }
  if (count > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  return errs;
}

/** validateProjectedVolumeSource. */
export function validateProjected(src: JsonObject, fld: Path): FieldError[] {
  const errs = fileMode(src.defaultMode, child(fld, 'defaultMode'));
  const paths = new Set<string>();
  objs(src.sources).forEach((s, i) => errs.push(...projectionSource(s, index(child(fld, 'sources'), i), paths, fld)));
  return errs;
}
