// printPersistentVolumeClaim: the lines a PVC and an ephemeral volume's claim template share.
import type { Obj } from '../../client/types.js';
import { at, rec, str, strs, type Fields } from '../columns/fields.js';
import { printAnnotations, printLabels } from './meta.js';
import { Quantity } from './quantity.js';
import { since } from './time.js';
import { LEVEL_0, LEVEL_1, type Writer } from './writer.js';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** storageutil.GetPersistentVolumeClaimClass. */
export function claimClass(meta: Fields, spec: Fields): string {
  const annotations = rec(meta.annotations);
  if (typeof annotations[BETA_CLASS] === 'string') return annotations[BETA_CLASS];
  return str(spec.storageClassName);
}

/** storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP. */
export function accessModes(modes: unknown): string {
  const set = new Set(strs(modes));
  const out: string[] = [];
  for (const [mode, short] of [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']] as const) {
    if (set.has(mode)) out.push(short);
  }
  return out.join(',');
}

export interface FullClaim {
  obj: Obj;
  now: number;
}

/** isFullPVC when `full` is given (a real claim), else a template (metadata + spec). */
export function printClaim(w: Writer, meta: Fields, spec: Fields, status: Fields, full?: FullClaim): void {
  if (full) {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(meta, spec)}\n`);
  if (full) {
    const deleting = full.obj.metadata.deletionTimestamp;
    w.write(LEVEL_0, deleting ? `Status:\tTerminating (lasts ${since(deleting, full.now)})\n` : `Status:\t${str(status.phase)}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${str(spec.volumeName)}\n`);
  printLabels(w, 'Labels', meta.labels);
  printAnnotations(w, 'Annotations', meta.annotations);
  if (full) w.write(LEVEL_0, `Finalizers:\t[${strs(meta.finalizers).join(' ')}]\n`);
  const bound = str(spec.volumeName) !== '';
  const capacity = bound ? Quantity.parse(at(status, 'capacity', 'storage')).toString() : '';
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(status.accessModes) : ''}\n`);
  if (typeof spec.volumeMode === 'string') w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  const ds = spec.dataSource;
  if (ds !== undefined && ds !== null) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (typeof at(ds, 'apiGroup') === 'string') w.write(LEVEL_1, `APIGroup:\t${str(at(ds, 'apiGroup'))}\n`);
    w.write(LEVEL_1, `Kind:\t${str(at(ds, 'kind'))}\n`);
    w.write(LEVEL_1, `Name:\t${str(at(ds, 'name'))}\n`);
  }
}

/** An ephemeral volume's volumeClaimTemplate. */
export function printClaimTemplate(w: Writer, template: Fields): void {
  printClaim(w, rec(template.metadata), rec(template.spec), {});
}
