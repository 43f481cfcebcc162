// describeVolumes: each pod volume's source as `Type: … (description)` and its fields; the
// special layouts (emptyDir, projected, downwardAPI, csi, ephemeral claim templates) here.
import { at, num, rec, recs, str, strMap, type Fields } from '../columns/fields.js';
import { byteLen, byteSlice } from './meta.js';
import { printClaimTemplate } from './pvc-lines.js';
import { Quantity } from './quantity.js';
import { POD_SOURCES, printSource } from './volume-sources.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, NestedWriter, type Writer } from './writer.js';

function emptyDir(w: Writer, src: Fields): void {
  const size = src.sizeLimit === undefined || src.sizeLimit === null ? undefined : Quantity.parse(src.sizeLimit);
  const limit = size !== undefined && size.nanos > 0n ? size.toString() : '<unset>';
  w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(src.medium)}\n    SizeLimit:\t${limit}\n`);
}

/** %v of a *bool: `<nil>`, else Go prints the pointer (an address we cannot know). */
function boolPtr(v: unknown): string {
  return typeof v === 'boolean' ? '0xc000000000' : '<nil>';
}

function projected(w: Writer, src: Fields): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of recs(src.sources)) {
    if (source.secret) {
      w.write(LEVEL_2, `SecretName:\t${str(at(source.secret, 'name'))}\n    SecretOptionalName:\t${boolPtr(at(source.secret, 'optional'))}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${str(at(source.configMap, 'name'))}\n    ConfigMapOptional:\t${boolPtr(at(source.configMap, 'optional'))}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(at(source.serviceAccountToken, 'expirationSeconds'))}\n`);
    }
  }
}

function downwardAPI(w: Writer, src: Fields): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of recs(src.items)) {
    if (item.fieldRef) w.write(LEVEL_3, `${str(at(item.fieldRef, 'fieldPath'))} -> ${str(item.path)}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${str(at(item.resourceFieldRef, 'resource'))} -> ${str(item.path)}\n`);
  }
}

/** printCSIPersistentVolumeAttributesMultiline (every write at LEVEL_2, as upstream does). */
export function csiAttributes(w: Writer, attributes: unknown): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const map = strMap(attributes);
  const keys = Object.keys(map).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${map[key]}`;
    w.write(LEVEL_2, byteLen(line) > 140 ? `${byteSlice(line, 140)}...\n` : `${line}\n`);
  });
}

function csi(w: Writer, src: Fields): void {
  const fsType = typeof src.fsType === 'string' ? src.fsType : '';
  w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(src.driver)}\n    FSType:\t${fsType}\n    ReadOnly:\t${src.readOnly === true}\n`);
  csiAttributes(w, src.volumeAttributes);
}

function ephemeral(w: Writer, src: Fields): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  if (src.volumeClaimTemplate) printClaimTemplate(new NestedWriter(w, LEVEL_2), rec(src.volumeClaimTemplate));
}

const SPECIAL: Record<string, (w: Writer, src: Fields) => void> = { emptyDir, projected, downwardAPI, csi, ephemeral };

/** describeVolume's switch order: the first source set wins. */
const ORDER = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'configMap', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'ephemeral', 'rbd', 'quobyte', 'downwardAPI', 'azureDisk', 'vsphereVolume', 'cinder', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'cephfs', 'storageos', 'fc', 'azureFile', 'flexVolume', 'flocker', 'projected', 'csi', 'image',
];
const PLAIN = new Map(POD_SOURCES);

function describeVolume(w: Writer, volume: Fields): void {
  const key = ORDER.find((k) => volume[k] !== undefined && volume[k] !== null);
  if (key === undefined) {
    w.write(LEVEL_1, '<unknown>\n');
    return;
  }
  const special = SPECIAL[key];
  if (special) special(w, rec(volume[key]));
  else printSource(w, PLAIN.get(key)!, rec(volume[key]));
}

export function describeVolumes(volumes: unknown, w: Writer, space: string): void {
  const list = recs(volumes);
  if (list.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of list) {
    w.write(LEVEL_1, `${space === '' ? '' : ' '}${str(volume.name)}:\n`);
    describeVolume(w, volume);
  }
}
