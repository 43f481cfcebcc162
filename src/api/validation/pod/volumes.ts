// Pod volumes: ValidateVolumes / validateVolumeSource, exactly one source per volume.
import type { FieldError, ObjectMeta } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { arr, has, obj, objs, str, type JsonObject } from '../json.js';
import { isDNS1123Label } from '../names.js';
import { quantityOf } from '../quantity.js';
import { fileMode, validateDownwardAPIItems, validateKeyToPaths, validateProjected } from './volume-files.js';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths.js';
import { validateEphemeralSource } from './ephemeral.js';

/** Volume sources in upstream's order: JSON key, path used in "more than 1", path used inside. */
const SOURCES: ReadonlyArray<readonly [string, string, string]> = [
  ['emptyDir', 'emptyDir', 'emptyDir'], ['hostPath', 'hostPath', 'hostPath'], ['gitRepo', 'gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret', 'secret'], ['nfs', 'nfs', 'nfs'], ['iscsi', 'iscsi', 'iscsi'], ['glusterfs', 'glusterfs', 'glusterfs'],
  ['flocker', 'flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd', 'rbd'],
  ['cinder', 'cinder', 'cinder'], ['cephfs', 'cephFS', 'cephfs'], ['quobyte', 'quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI', 'downwardAPI'], ['fc', 'fc', 'fc'], ['flexVolume', 'flexVolume', 'flexVolume'],
  ['configMap', 'configMap', 'configMap'], ['azureFile', 'azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk', 'azureDisk'], ['storageos', 'storageos', 'storageos'], ['projected', 'projected', 'projected'],
  ['scaleIO', 'scaleIO', 'scaleIO'], ['csi', 'csi', 'csi'], ['ephemeral', 'ephemeral', 'ephemeral'], ['image', 'image', 'image'],
];

/** Sources whose only checks are required string fields: [json field, error child]. */
const REQUIRED_FIELDS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  gitRepo: [['repository', 'repository']], gcePersistentDisk: [['pdName', 'pdName']], awsElasticBlockStore: [['volumeID', 'volumeID']],
  persistentVolumeClaim: [['claimName', 'claimName']], glusterfs: [['endpoints', 'endpoints'], ['path', 'path']],
  cinder: [['volumeID', 'volumeID']], flexVolume: [['driver', 'driver']], azureFile: [['secretName', 'secretName'], ['shareName', 'shareName']],
  vsphereVolume: [['volumePath', 'volumePath']], photonPersistentDisk: [['pdID', 'pdID']], portworxVolume: [['volumeID', 'volumeID']],
  azureDisk: [['diskName', 'diskName'], ['diskURI', 'diskURI']], scaleIO: [['gateway', 'gateway'], ['system', 'system'], ['volumeName', 'volumeName']],
  iscsi: [['targetPortal', 'targetPortal'], ['iqn', 'iqn']], quobyte: [['registry', 'registry'], ['volume', 'volume']],
};

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function requiredStrings(src: JsonObject, fields: ReadonlyArray<readonly [string, string]>, fld: Path): FieldError[] {
  return fields.filter(([f]) => !str(src[f])).map(([, p]) => required(child(fld, p)));
}

function validateHostPath(src: JsonObject, fld: Path): FieldError[] {
  const p = str(src.path);
  if (!p) return [required(child(fld, 'path'))];
  const errs = validatePathNoBacksteps(p, child(fld, 'path'));
  if (has(src, 'type') && !HOST_PATH_TYPES.includes(str(src.type))) errs.push(notSupported(child(fld, 'type'), str(src.type), HOST_PATH_TYPES));
  return errs;
}

function validateNamedFiles(src: JsonObject, nameField: string, fld: Path): FieldError[] {
  const errs = str(src[nameField]) ? [] : [required(child(fld, nameField))];
  return [...errs, ...fileMode(src.defaultMode, child(fld, 'defaultMode')), ...validateKeyToPaths(src.items, child(fld, 'items'))];
}

function validateNFS(src: JsonObject, fld: Path): FieldError[] {
  const errs = requiredStrings(src, [['server', 'server'], ['path', 'path']], fld);
  if (!str(src.path).startsWith('/')) errs.push(invalid(child(fld, 'path'), str(src.path), 'must be an absolute path'));
  return errs;
}

function validateEmptyDir(src: JsonObject, fld: Path): FieldError[] {
  const q = quantityOf(src.sizeLimit);
  return q && q.nano < 0n ? [forbidden(child(fld, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
}

function validateCSI(src: JsonObject, fld: Path): FieldError[] {
  const driver = str(src.driver);
  const errs = driver ? [] : [required(child(fld, 'driver'))];
  if (driver.length > 63) errs.push({ type: 'TooLong', field: child(fld, 'driver'), detail: 'may not be more than 63 bytes' });
  return errs;
}

function validateSourceBody(k: string, src: JsonObject, fld: Path, volName: string, podMeta?: ObjectMeta): FieldError[] {
  switch (k) {
    case 'emptyDir': return validateEmptyDir(src, fld);
    case 'hostPath': return validateHostPath(src, fld);
    case 'gitRepo': return [...requiredStrings(src, REQUIRED_FIELDS.gitRepo!, fld), ...validateLocalDescendingPath(str(src.directory), child(fld, 'directory'))];
    case 'secret': return validateNamedFiles(src, 'secretName', fld);
    case 'configMap': return validateNamedFiles(src, 'name', fld);
    case 'nfs': return validateNFS(src, fld);
    case 'downwardAPI': return [...fileMode(src.defaultMode, child(fld, 'defaultMode')), ...validateDownwardAPIItems(src.items, fld)];
    case 'projected': return validateProjected(src, fld);
    case 'csi': return validateCSI(src, fld);
    case 'ephemeral': return validateEphemeralSource(src, fld, volName, podMeta);
    case 'rbd': return arr(src.monitors).length ? requiredStrings(src, [['image', 'image']], fld) : [required(child(fld, 'monitors')), ...requiredStrings(src, [['image', 'image']], fld)];
    case 'cephfs': return arr(src.monitors).length ? [] : [required(child(fld, 'monitors'))];
    case 'storageos': return str(src.volumeName) ? isDNS1123Label(str(src.volumeName)).map((m) => invalid(child(fld, 'volumeName'), str(src.volumeName), m)) : [required(child(fld, 'volumeName'))];
    default: return requiredStrings(src, REQUIRED_FIELDS[k] ?? [], fld);
  }
}

/** validateVolumeSource: the first source counts, later ones are "more than 1". */
export function validateVolumeSource(vol: JsonObject, fld: Path, podMeta?: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [k, extraPath, innerPath] of SOURCES) {
    if (!has(vol, k)) continue;
    if (count > 0) {
      errs.push(forbidden(child(fld, extraPath), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validateSourceBody(k, obj(vol[k]), child(fld, innerPath), str(vol.name), podMeta));
  }
  if (!count) errs.push(required(fld, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: returns the valid volumes by name (mounts may only use these) and the errors. */
export function validateVolumes(volumes: unknown, fld: Path, podMeta?: ObjectMeta): { vols: Map<string, JsonObject>; errs: FieldError[] } {
  const vols = new Map<string, JsonObject>();
  const errs: FieldError[] = [];
  objs(volumes).forEach((vol, i) => {
    const idx = index(fld, i);
    const name = str(vol.name);
    const el = validateVolumeSource(vol, idx, podMeta);
    if (!name) el.push(required(child(idx, 'name')));
    else el.push(...isDNS1123Label(name).map((m) => invalid(child(idx, 'name'), name, m)));
    if (vols.has(name)) el.push(duplicate(child(idx, 'name'), name));
    if (!el.length) vols.set(name, vol);
    else errs.push(...el);
  });
  return { vols, errs };
}
