// PersistentVolumeDescriber, PersistentVolumeClaimDescriber and StorageClassDescriber.
import type { Obj } from '../../client/types.js';
import { at, rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { formatLabels } from '../columns/labels.js';
import { apiPath, getObject, listOrThrow, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { goBoolPtr, printAnnotations, printLabels, printPods } from './meta.js';
import { accessModes, printClaim } from './pvc-lines.js';
import { Quantity } from './quantity.js';
import { rfc1123z, since } from './time.js';
import { csiAttributes } from './volumes.js';
import { PV_SOURCES, printSource } from './volume-sources.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbed, type Writer } from './writer.js';

function nodeAffinity(w: Writer, affinity: unknown): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = at(affinity, 'required');
  if (required === undefined || required === null) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = recs(at(required, 'nodeSelectorTerms'));
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = recs(term.matchExpressions);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      const values = strs(r.values);
      const expr = `${str(r.key)} ${str(r.operator).toLowerCase()}`;
      w.write(LEVEL_0, `${values.length > 0 ? `${expr} [${values.join(', ')}]` : expr}\n`);
    });
  });
}

const PV_ORDER = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'quobyte', 'vsphereVolume', 'cinder',
  'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local', 'cephfs', 'storageos', 'fc', 'azureFile', 'flexVolume', 'flocker', 'csi'];
const PV_PLAIN = new Map(PV_SOURCES);

function pvSource(w: Writer, spec: Fields): void {
  const key = PV_ORDER.find((k) => spec[k] !== undefined && spec[k] !== null);
  if (key === undefined) {
    w.write(LEVEL_1, '<unknown>\n');
  } else if (key === 'csi') {
    const csi = rec(spec.csi);
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(csi.driver)}\n    FSType:\t${str(csi.fsType)}\n    VolumeHandle:\t${str(csi.volumeHandle)}\n    ReadOnly:\t${csi.readOnly === true}\n`);
    csiAttributes(w, csi.volumeAttributes);
  } else {
    printSource(w, PV_PLAIN.get(key)!, rec(spec[key]));
  }
}

export async function describePersistentVolume(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const pv = await getObject(env, apiPath('v1', 'persistentvolumes', undefined, name));
  const events = await eventsFor(env, refOf(pv, 'PersistentVolume'));
  const spec = rec(pv.spec);
  const status = rec(pv.status);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', pv.metadata.labels);
    printAnnotations(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t[${strs(pv.metadata.finalizers).join(' ')}]\n`);
    const beta = pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
    w.write(LEVEL_0, `StorageClass:\t${beta ?? str(spec.storageClassName)}\n`);
    w.write(LEVEL_0, pv.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, env.now)})\n` : `Status:\t${str(status.phase)}\n`);
    const claim = spec.claimRef ? `${str(at(spec.claimRef, 'namespace'))}/${str(at(spec.claimRef, 'name'))}` : '';
    w.write(LEVEL_0, `Claim:\t${claim}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
    if (typeof spec.volumeMode === 'string') w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${Quantity.parse(at(spec, 'capacity', 'storage')).toString()}\n`);
    nodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${str(status.message)}\n`);
    w.write(LEVEL_0, 'Source:\n');
    pvSource(w, spec);
    maybeEvents(events, w, env.now);
  });
}

/** getPodsForPVC: pods mounting the claim, then pods owning it. */
function podsUsing(pods: Obj[], pvc: Obj): Obj[] {
  const out: Obj[] = [];
  for (const pod of pods) {
    for (const v of recs(rec(pod.spec).volumes)) if (str(at(v, 'persistentVolumeClaim', 'claimName')) === pvc.metadata.name) out.push(pod);
  }
  for (const owner of recs(pvc.metadata.ownerReferences)) {
    if (str(owner.kind) !== 'Pod') continue;
    const pod = pods.find((p) => p.metadata.uid === str(owner.uid));
    if (pod && !out.some((p) => p.metadata.uid === pod.metadata.uid)) out.push(pod);
  }
  return out;
}

export async function describePersistentVolumeClaim(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const pvc = await getObject(env, apiPath('v1', 'persistentvolumeclaims', namespace, name));
  const pods = podsUsing(await listOrThrow(env, apiPath('v1', 'pods', namespace), {}, 'pods'), pvc);
  const events = await eventsFor(env, refOf(pvc, 'PersistentVolumeClaim'));
  return tabbed((w) => {
    const status = rec(pvc.status);
    printClaim(w, rec(pvc.metadata), rec(pvc.spec), status, { obj: pvc, now: env.now });
    printPods(w, 'Used By', pods);
    const conditions = recs(status.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastProbeTime, env.zone)} \t${rfc1123z(c.lastTransitionTime, env.zone)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    maybeEvents(events, w, env.now);
  });
}

function allowedTopologies(w: Writer, topologies: unknown): void {
  w.write(LEVEL_0, 'AllowedTopologies:\t');
  const terms = recs(topologies);
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_1, `Term ${i}:\t`);
    const reqs = recs(term.matchLabelExpressions);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_1, '\t');
      const values = strs(r.values);
      w.write(LEVEL_0, `${str(r.key)} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
    });
  });
}

export async function describeStorageClass(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const sc = await getObject(env, apiPath('storage.k8s.io/v1', 'storageclasses', undefined, name));
  const events = await eventsFor(env, refOf(sc, 'StorageClass'));
  const ann = sc.metadata.annotations ?? {};
  const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${str(sc.provisioner)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${goBoolPtr(sc.allowVolumeExpansion)}\n`);
    const options = strs(sc.mountOptions);
    if (options.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of options) w.write(LEVEL_1, `${o}\n`);
    }
    if (typeof sc.reclaimPolicy === 'string') w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (typeof sc.volumeBindingMode === 'string') w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (Array.isArray(sc.allowedTopologies)) allowedTopologies(w, sc.allowedTopologies);
    maybeEvents(events, w, env.now);
  });
}
