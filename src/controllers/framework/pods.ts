// What several controllers share about the objects they own: controller references, pods made
// from a template (controller.GetPodFromTemplate), and the pod states owners count.
import type { Obj, OwnerRef } from '../../client/types.js';
import { fromLabelSelector, matchesLabels } from '../../api/selectors/labels.js';

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** An ownerReference to owner with controller and blockOwnerDeletion set, as controllers write. */
export function controllerRef(owner: Obj): OwnerRef {
  return { apiVersion: owner.apiVersion ?? '', kind: owner.kind ?? '', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** The ownerReference with controller: true, if any. */
export function controllerOf(o: Obj): OwnerRef | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function isControlledBy(o: Obj, owner: Obj): boolean {
  return controllerOf(o)?.uid === owner.metadata.uid;
}

/** Whether labels match a metav1.LabelSelector (an empty selector matches everything; null nothing). */
export function selectorMatches(sel: LabelSelectorSpec | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  return matchesLabels(fromLabelSelector(sel), labels);
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

/** A new pod from a template, owned by parent; named `generateName` unless name is given. */
export function podFromTemplate(template: PodTemplate, parent: Obj, opts: { generateName?: string; name?: string } = {}): Obj {
  const metadata: Obj['metadata'] = {};
  if (opts.name) metadata.name = opts.name;
  else metadata.generateName = opts.generateName ?? `${parent.metadata.name}-`;
  metadata.namespace = parent.metadata.namespace;
  if (template.metadata?.labels) metadata.labels = { ...template.metadata.labels };
  if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  metadata.ownerReferences = [controllerRef(parent)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template.spec ?? {}) };
}

interface PodStatusLike {
  phase?: string;
  conditions?: { type: string; status: string; lastTransitionTime?: string }[];
}

export const podStatus = (p: Obj): PodStatusLike => (p.status ?? {}) as PodStatusLike;

/** Not terminated and not being deleted: what owners count toward their replicas. */
export function isPodActive(p: Obj): boolean {
  const phase = podStatus(p).phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

export function isPodReady(p: Obj): boolean {
  return podStatus(p).conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Ready for at least minReadySeconds at now. */
export function isPodAvailable(p: Obj, minReadySeconds: number, now: number): boolean {
  const ready = podStatus(p).conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return false;
  if (!minReadySeconds) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : 0;
  return since + minReadySeconds * 1000 <= now;
}

/** RFC 3339 seconds, as metav1.Time serialises. */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
