// Builders for the ReplicaSet controller's tests: owners, pods in given states, and a seeded
// fake environment with the controller's informers started.
import type { Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { fakeEnv, type FakeEnv } from '../framework/testing.js';
import { ReplicaSetController } from './controller.js';
import { REPLICA_SET, type ReplicaKind } from './kinds.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const at = (sec: number): string => new Date(T0 + sec * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

export function replicaSet(name: string, replicas: number, extra: { minReadySeconds?: number; uid?: string; labels?: Record<string, string> } = {}): Obj {
  const labels = extra.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', generation: 1, ...(extra.uid ? { uid: extra.uid } : {}) },
    spec: {
      replicas, minReadySeconds: extra.minReadySeconds ?? 0,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

export interface PodState {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  created?: number;
  restarts?: number;
  cost?: string;
  owner?: Obj;
  labels?: Record<string, string>;
  deleting?: boolean;
}

export function pod(name: string, s: PodState = {}): Obj {
  const o = s.owner;
  const ref = o ? [{ apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] : undefined;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, labels: s.labels ?? { app: 'web' }, creationTimestamp: at(s.created ?? 0),
      ...(ref ? { ownerReferences: ref } : {}),
      ...(s.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } } : {}),
      ...(s.deleting ? { deletionTimestamp: at(1), finalizers: ['test/hold'] } : {}),
    },
    spec: s.node ? { nodeName: s.node } : {},
    status: {
      phase: s.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False', lastTransitionTime: at(s.readySince ?? 0) }],
      containerStatuses: [{ name: 'c', restartCount: s.restarts ?? 0 }],
    },
  };
}

export interface Harness extends FakeEnv {
  controller: ReplicaSetController;
}

/** A started environment with owners (of kind) and pods seeded. */
export async function harness(owners: Obj[], pods: Obj[] = [], kind: ReplicaKind = REPLICA_SET): Promise<Harness> {
  const env = fakeEnv();
  env.fake.seed(kind.ref, ...owners);
  env.fake.seed(REFS.pods, ...pods);
  const controller = new ReplicaSetController(env.ctx, kind);
  await env.ctx.informers.start();
  return { ...env, controller };
}

export const events = async (h: FakeEnv): Promise<string[]> => {
  await h.ctx.recorder.flush();
  return h.fake.all(REFS.events).map((e) => `${e.type} ${e.reason} ${e.message}`);
};
