// A small cluster for the deployment controller's tests: the deployment and ReplicaSet
// controllers over one fake client, and a hand to make pods ready or gone, as kubelets would.
import type { Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { fakeEnv, type FakeEnv } from '../framework/testing.js';
import { ReplicaSetController } from '../replicaset/controller.js';
import { DeploymentController } from './controller.js';
import type { Deployment, DeploymentSpec, IntOrString } from './types.js';

export const rfc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export interface DeploymentOptions {
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  spec?: Partial<DeploymentSpec>;
  annotations?: Record<string, string>;
}

export function deployment(name: string, o: DeploymentOptions = {}): Deployment {
  const strategy = o.strategy === 'Recreate'
    ? { type: 'Recreate' }
    : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: o.image ?? 'nginx:1.0' }] } },
      strategy, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      ...o.spec,
    },
  };
}

export class Cluster {
  readonly deployments: DeploymentController;
  readonly replicaSets: ReplicaSetController;

  constructor(readonly env: FakeEnv) {
    this.deployments = new DeploymentController(env.ctx);
    this.replicaSets = new ReplicaSetController(env.ctx);
  }

  get fake() {
    return this.env.fake;
  }

  d(name = 'web'): Deployment {
    return this.fake.peek<Deployment>(REFS.deployments, 'default', name)!;
  }

  rs(): Obj[] {
    return this.fake.all(REFS.replicasets, 'default').sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  /** spec.replicas of every ReplicaSet, oldest first. */
  sizes(): number[] {
    return this.rs().map((rs) => (rs.spec as { replicas: number }).replicas);
  }

  /** The ReplicaSet controller over every ReplicaSet, twice, so its status catches up with its pods. */
  async syncReplicaSets(): Promise<void> {
    for (let i = 0; i < 2; i++) for (const rs of this.rs()) await this.replicaSets.reconcile(`default/${rs.metadata.name}`);
  }

  /** One deployment sync, then the ReplicaSets'. */
  async step(name = 'web'): Promise<void> {
    await this.deployments.reconcile(`default/${name}`);
    await this.syncReplicaSets();
  }

  /** Marks pods Running and Ready (at the clock's now), then lets the ReplicaSets see it. */
  async ready(filter: (p: Obj) => boolean = () => true): Promise<void> {
    const now = rfc(this.env.clock.now());
    for (const p of this.fake.all(REFS.pods, 'default').filter(filter)) {
      if ((p.status as { phase?: string } | undefined)?.phase === 'Running') continue;
      await this.fake.update(REFS.pods, { ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] } }, { subresource: 'status' });
    }
    await this.syncReplicaSets();
  }

  async events(): Promise<string[]> {
    await this.env.ctx.recorder.flush();
    return this.fake.all(REFS.events).map((e) => `${e.reason} ${e.message}`);
  }
}

export async function cluster(deployments: Deployment[], replicaSets: Obj[] = []): Promise<Cluster> {
  const env = fakeEnv();
  env.fake.seed(REFS.deployments, ...deployments);
  env.fake.seed(REFS.replicasets, ...replicaSets);
  const c = new Cluster(env);
  await env.ctx.informers.start();
  return c;
}

/** Changes the Deployment's spec as `kubectl set image` / `edit` would (generation + 1). */
export async function editSpec(c: Cluster, change: (d: Deployment) => void, name = 'web'): Promise<void> {
  const d = c.d(name);
  change(d);
  await c.fake.update(REFS.deployments, d);
}
