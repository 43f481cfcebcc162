// The mirror pod of a static pod (pkg/kubelet/pod/mirror_client.go): the static pod with its
// annotations plus kubernetes.io/config.mirror (the static pod's hash), config.seen and
// config.source, owned by the Node; created and deleted by the kubelet only.
import { isAlreadyExists, isConflict, isNotFound, type Client } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { Pod } from '../pod-spec.js';
import type { StaticPod } from './manifest.js';

export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';

export interface NodeRef {
  name: string;
  uid: string;
}

/** The Pod the kubelet creates for sp, first seen at seenMs. */
export function mirrorPodOf(sp: StaticPod, node: NodeRef, seenMs: number): Pod {
  const { uid: _uid, ...meta } = sp.pod.metadata;
  const annotations = { ...(meta.annotations ?? {}), [CONFIG_MIRROR]: sp.hash, [CONFIG_SEEN]: new Date(seenMs).toISOString(), [CONFIG_SOURCE]: 'file' };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { ...meta, annotations, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }] },
    spec: sp.pod.spec,
  } as Pod;
}

/** The mirror pod in the API, or undefined. */
export async function getMirror(client: Client, sp: StaticPod): Promise<Pod | undefined> {
  try {
    return await client.get<Pod>(REFS.pods, sp.pod.metadata.namespace ?? '', sp.pod.metadata.name ?? '');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Creates the mirror pod; an existing one of the same hash is fine. */
export async function createMirror(client: Client, sp: StaticPod, node: NodeRef, seenMs: number): Promise<Pod | undefined> {
  try {
    return await client.create<Pod>(REFS.pods, sp.pod.metadata.namespace ?? '', mirrorPodOf(sp, node, seenMs));
  } catch (err) {
    if (isAlreadyExists(err)) return undefined;
    throw err;
  }
}

/** Deletes a mirror pod now (grace 0), only the one of uid when given. */
export async function deleteMirror(client: Client, namespace: string, name: string, uid?: string): Promise<void> {
  try {
    await client.delete(REFS.pods, namespace, name, { gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}) });
  } catch (err) {
    if (!isNotFound(err) && !isConflict(err)) throw err;
  }
}

/** Whether pod is sp's current mirror (not another pod of the name, not one being deleted). */
export function isMirrorOf(pod: Pod, sp: StaticPod): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR] === sp.hash && !pod.metadata.deletionTimestamp;
}
