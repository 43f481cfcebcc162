// The scale subresource of a custom resource (apiextensions-apiserver's customresource scale
// storage): replicas read from and written to the CRD's specReplicasPath, status replicas from
// statusReplicasPath and the selector string from labelSelectorPath; missing values are 0 / empty.
import type { KObject } from '../types.js';

export interface ScaleSpec {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

const steps = (path: string): string[] => path.replace(/^\./, '').split('.');

function lookup(o: unknown, path: string): unknown {
  return steps(path).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
}

export function customScale(o: KObject, s: ScaleSpec): KObject {
  const m = o.metadata;
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const status: Record<string, unknown> = { replicas: num(lookup(o, s.statusReplicasPath)) };
  const selector = s.labelSelectorPath ? lookup(o, s.labelSelectorPath) : undefined;
  if (typeof selector === 'string' && selector) status.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: num(lookup(o, s.specReplicasPath)) },
    status,
  };
}

/** The object with replicas written at specReplicasPath (intermediate objects created). */
export function setScaleReplicas(o: KObject, s: ScaleSpec, replicas: number): KObject {
  const out = structuredClone(o) as Record<string, unknown>;
  const keys = steps(s.specReplicasPath);
  let at = out;
  for (const k of keys.slice(0, -1)) at = (at[k] && typeof at[k] === 'object' ? at[k] : (at[k] = {})) as Record<string, unknown>;
  at[keys.at(-1)!] = replicas;
  return out as KObject;
}
