// What the pvc-protection and pv-protection controllers share (pkg/controller/util/protectionutil
// and volumeutil): when an object needs the finalizer or may lose it, writing it in or out, and
// whether a pod is terminated or is using a claim.
import type { ControllerContext } from '../framework/controller.js';
import type { Obj, ResourceRef } from '../../client/types.js';
import { apiVersionOf } from '../../client/refs.js';

export const hasFinalizer = (o: Obj, f: string): boolean => (o.metadata.finalizers ?? []).includes(f);

/** IsDeletionCandidate: being deleted and still holding the finalizer. */
export const isDeletionCandidate = (o: Obj, f: string): boolean => !!o.metadata.deletionTimestamp && hasFinalizer(o, f);

/** NeedToAddFinalizer: alive and without the finalizer. */
export const needToAddFinalizer = (o: Obj, f: string): boolean => !o.metadata.deletionTimestamp && !hasFinalizer(o, f);

export async function addFinalizer(ctx: ControllerContext, ref: ResourceRef, o: Obj, f: string): Promise<void> {
  const finalizers = [...(o.metadata.finalizers ?? []), f];
  await ctx.client.update(ref, { ...o, apiVersion: apiVersionOf(ref), kind: ref.kind, metadata: { ...o.metadata, finalizers } });
}

export async function removeFinalizer(ctx: ControllerContext, ref: ResourceRef, o: Obj, f: string): Promise<void> {
  const finalizers = (o.metadata.finalizers ?? []).filter((x) => x !== f);
  await ctx.client.update(ref, { ...o, apiVersion: apiVersionOf(ref), kind: ref.kind, metadata: { ...o.metadata, finalizers } });
  ctx.log(`${ref.resource}: removed protection finalizer from "${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}"`);
}

interface ContainerStatus { state?: { running?: unknown; waiting?: unknown; terminated?: unknown } }
interface PodShape {
  spec?: { nodeName?: string; volumes?: { name: string; persistentVolumeClaim?: { claimName?: string }; ephemeral?: unknown }[] };
  status?: { phase?: string; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; ephemeralContainerStatuses?: ContainerStatus[] };
}

const notRunning = (ss: ContainerStatus[] | undefined): boolean => (ss ?? []).every((s) => !!(s.state?.terminated || s.state?.waiting));

/** volumeutil.IsPodTerminated. */
export function isPodTerminated(pod: Obj): boolean {
  const st = (pod as PodShape).status ?? {};
  if (st.phase === 'Failed' || st.phase === 'Succeeded') return true;
  return !!pod.metadata.deletionTimestamp && notRunning(st.initContainerStatuses) && notRunning(st.containerStatuses) && notRunning(st.ephemeralContainerStatuses);
}

/** podIsShutDown: kubelet is done with it, or it was force-deleted. */
const isShutDown = (pod: Obj): boolean => !!pod.metadata.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0;

/** The claim names a pod's volumes refer to (an ephemeral volume's claim is `<pod>-<volume>`). */
export function claimNamesOf(pod: Obj): string[] {
  return ((pod as PodShape).spec?.volumes ?? []).flatMap((v) => {
    if (v.persistentVolumeClaim?.claimName) return [v.persistentVolumeClaim.claimName];
    return v.ephemeral ? [`${pod.metadata.name}-${v.name}`] : [];
  });
}

/** podUsesPVC: only a scheduled pod counts (kubelet refuses a claim being deleted to new pods). */
export function podUsesClaim(pod: Obj, claim: Obj): boolean {
  const spec = (pod as PodShape).spec;
  if (!spec?.nodeName || pod.metadata.namespace !== claim.metadata.namespace) return false;
  return (spec.volumes ?? []).some((v) => {
    if (v.persistentVolumeClaim) return v.persistentVolumeClaim.claimName === claim.metadata.name;
    if (!v.ephemeral || isShutDown(pod) || `${pod.metadata.name}-${v.name}` !== claim.metadata.name) return false;
    return (claim.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === pod.metadata.uid);
  });
}
