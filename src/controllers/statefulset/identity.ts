// A StatefulSet pod's identity: `<set>-<ordinal>`, the pod-name and pod-index labels, hostname
// and subdomain from serviceName, and one claim `<template>-<set>-<ordinal>` per
// volumeClaimTemplate mounted under the template's name.
import type { Obj } from '../../client/types.js';
import { isPodAvailable, isPodReady, podFromTemplate } from '../framework/pods.js';
import { CONTROLLER_REVISION_HASH } from './history.js';
import type { ClaimTemplate, SetPod, StatefulSet } from './types.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** getParentNameAndOrdinal: the ordinal at the end of the name, or -1. */
export function ordinalOf(p: { metadata: { name?: string } }): number {
  const m = /^(.*)-([0-9]+)$/.exec(p.metadata.name ?? '');
  if (!m) return -1;
  const n = Number(m[2]);
  return n <= 2147483647 ? n : -1;
}

export const parentOf = (p: { metadata: { name?: string } }): string => /^(.*)-([0-9]+)$/.exec(p.metadata.name ?? '')?.[1] ?? '';
export const startOrdinal = (set: StatefulSet): number => set.spec?.ordinals?.start ?? 0;
export const replicasOf = (set: StatefulSet): number => set.spec?.replicas ?? 1;
export const inOrdinalRange = (p: SetPod, set: StatefulSet): boolean => ordinalOf(p) >= startOrdinal(set) && ordinalOf(p) < startOrdinal(set) + replicasOf(set);
export const claimName = (set: StatefulSet, tpl: ClaimTemplate, ordinal: number): string => `${tpl.metadata?.name}-${set.metadata.name}-${ordinal}`;

/** The claims a pod of set needs, as they would be created. */
export function claimsFor(set: StatefulSet, ordinal: number): { template: string; claim: Obj & { metadata: { name: string } } }[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((tpl) => {
    const meta = { ...structuredClone(tpl.metadata ?? {}) };
    delete meta.creationTimestamp;
    const labels = { ...(meta.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    return {
      template: tpl.metadata?.name ?? '',
      claim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { ...meta, name: claimName(set, tpl, ordinal), namespace: set.metadata.namespace, labels }, spec: structuredClone(tpl.spec ?? {}) },
    };
  });
}

/** identityMatches. */
export function identityMatches(set: StatefulSet, p: SetPod): boolean {
  const ord = ordinalOf(p);
  return ord >= 0 && parentOf(p) === set.metadata.name && p.metadata.namespace === set.metadata.namespace && p.metadata.labels?.[POD_NAME_LABEL] === p.metadata.name;
}

/** storageMatches: every claim template is mounted from the pod's own claim. */
export function storageMatches(set: StatefulSet, p: SetPod): boolean {
  const ord = ordinalOf(p);
  if (ord < 0) return false;
  return (set.spec?.volumeClaimTemplates ?? []).every((tpl) => p.spec?.volumes?.find((v) => v.name === tpl.metadata?.name)?.persistentVolumeClaim?.claimName === claimName(set, tpl, ord));
}

/** updateIdentity: the pod-name and pod-index labels. */
export function updateIdentity(set: StatefulSet, p: SetPod): void {
  const ord = ordinalOf(p);
  p.metadata.name = `${set.metadata.name}-${ord}`;
  p.metadata.namespace = set.metadata.namespace;
  p.metadata.labels = { ...p.metadata.labels, [POD_NAME_LABEL]: p.metadata.name, [POD_INDEX_LABEL]: String(ord) };
}

/** updateStorage: the claim volumes first, then the pod's other volumes. */
export function updateStorage(set: StatefulSet, p: SetPod): void {
  const claims = claimsFor(set, ordinalOf(p));
  const names = new Set(claims.map((c) => c.template));
  const spec = (p.spec ??= {});
  spec.volumes = [
    ...claims.map((c) => ({ name: c.template, persistentVolumeClaim: { claimName: c.claim.metadata.name } })),
    ...(spec.volumes ?? []).filter((v) => !names.has(v.name)),
  ];
}

/** newStatefulSetPod at a revision: name, identity, hostname/subdomain, storage, revision label. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revision: string): SetPod {
  const pod: SetPod = podFromTemplate(set.spec?.template ?? {}, set, { name: `${set.metadata.name}-${ordinal}` });
  const finalizers = set.spec?.template?.metadata?.finalizers as string[] | undefined;
  if (finalizers?.length) pod.metadata.finalizers = [...finalizers];
  updateIdentity(set, pod);
  pod.spec = { ...pod.spec, hostname: pod.metadata.name, ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}) };
  updateStorage(set, pod);
  pod.metadata.labels = { ...pod.metadata.labels, [CONTROLLER_REVISION_HASH]: revision };
  return pod;
}

export const revisionOf = (p: SetPod): string => p.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
export const isCreated = (p: SetPod): boolean => !!p.status?.phase;
export const isTerminating = (p: SetPod): boolean => !!p.metadata.deletionTimestamp;
export const isRunningAndReady = (p: SetPod): boolean => p.status?.phase === 'Running' && isPodReady(p);
export const isHealthy = (p: SetPod): boolean => isRunningAndReady(p) && !isTerminating(p);
export const isRunningAndAvailable = (p: SetPod, minReady: number, now: number): boolean => isPodAvailable(p, minReady, now);
