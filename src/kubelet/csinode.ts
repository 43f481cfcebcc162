// The kubelet's CSINode (nodeinfomanager's InitializeCSINodeWithAnnotation): named after its node,
// owned by the Node (so that deleting the node collects it), no drivers, and the in-tree plugins
// whose CSI migration v1.32 turns on by default in the migrated-plugins annotation.
import type { Client, Obj } from '../client/types.js';
import { isAlreadyExists, isNotFound } from '../client/types.js';
import { REFS } from '../client/refs.js';

export const MIGRATED_PLUGINS_ANNOTATION = 'storage.alpha.kubernetes.io/migrated-plugins';

/** v1.32's default gates: every GA migration plus Portworx (beta, on since v1.31); sorted, as the kubelet joins them. */
export const MIGRATED_PLUGINS = [
  'kubernetes.io/aws-ebs',
  'kubernetes.io/azure-disk',
  'kubernetes.io/azure-file',
  'kubernetes.io/cinder',
  'kubernetes.io/gce-pd',
  'kubernetes.io/portworx-volume',
  'kubernetes.io/vsphere-volume',
].join(',');

/** Creates the node's CSINode, or sets the annotation on an existing one (throws if it could not). */
export async function ensureCSINode(client: Client, node: string): Promise<void> {
  try {
    const csi = await client.get(REFS.csinodes, '', node);
    if (csi.metadata.annotations?.[MIGRATED_PLUGINS_ANNOTATION] === MIGRATED_PLUGINS) return;
    csi.metadata.annotations = { ...csi.metadata.annotations, [MIGRATED_PLUGINS_ANNOTATION]: MIGRATED_PLUGINS };
    await client.update(REFS.csinodes, csi);
    return;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const owner = await client.get(REFS.nodes, '', node);
  try {
    await client.create(REFS.csinodes, '', csiNodeFor(owner));
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

function csiNodeFor(node: Obj): Obj {
  const name = node.metadata.name ?? '';
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSINode',
    metadata: {
      name,
      annotations: { [MIGRATED_PLUGINS_ANNOTATION]: MIGRATED_PLUGINS },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { drivers: [] },
  };
}
