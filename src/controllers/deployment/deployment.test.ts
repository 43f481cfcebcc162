import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { computeHash } from './hash.js';
import { cluster, deployment, editSpec, rfc } from './testdata.js';
import type { Deployment } from './types.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const meta = (o: Obj | undefined) => o?.metadata;
const cond = (d: Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);

describe('deployment controller: a new Deployment', () => {
  it('creates <name>-<hash> with the hash in labels, selector and template, and the revision annotations', async () => {
    const d = deployment('web', { replicas: 3, annotations: { 'kubernetes.io/change-cause': 'kubectl create', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } });
    const c = await cluster([d]);
    await c.deployments.reconcile('default/web');
    const hash = computeHash(d.spec.template!);
    const [rs] = c.rs();
    expect(meta(rs)).toMatchObject({
      name: `web-${hash}`,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4', 'kubernetes.io/change-cause': 'kubectl create',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    });
    expect(meta(rs)?.annotations).not.toHaveProperty('kubectl.kubernetes.io/last-applied-configuration');
    expect(rs?.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } } } });
    expect(c.d().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(cond(c.d(), 'Progressing')).toEqual({ type: 'Progressing', status: 'True', lastUpdateTime: rfc(T0), lastTransitionTime: rfc(T0), reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash}"` });
    expect(await c.events()).toEqual([`ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('reports availability and completion once the pods are ready', async () => {
    const c = await cluster([deployment('web', { replicas: 3 })]);
    await c.step();
    await c.deployments.reconcile('default/web');
    expect(c.d().status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(cond(c.d(), 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    c.env.clock.advance(5000);
    await c.ready();
    await c.deployments.reconcile('default/web');
    const name = meta(c.rs()[0])?.name;
    expect(c.d().status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(c.d().status).not.toHaveProperty('unavailableReplicas');
    expect(cond(c.d(), 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastTransitionTime: rfc(T0 + 5000) });
    expect(cond(c.d(), 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.`, lastTransitionTime: rfc(T0) });
  });
});

describe('deployment controller: RollingUpdate', () => {
  it('steps within maxSurge (rounded up) and maxUnavailable (rounded down)', async () => {
    // 10 replicas at 25%: at most 13 pods, at least 8 available.
    const c = await cluster([deployment('web', { replicas: 10 })]);
    await c.step();
    await c.ready();
    await c.step();
    c.env.clock.advance(60_000);
    await editSpec(c, (d) => { d.spec.template!.spec = { containers: [{ name: 'c', image: 'nginx:2.0' }] }; });
    const seen: number[][] = [];
    const step = async () => { await c.step(); seen.push(c.sizes()); };
    await step(); // new 3, old 10 → 8
    await step(); // 11 pods: new up to 5
    await step(); // nothing is available on the new side: wait
    await c.ready();
    await step(); // 5 new available: old 8 → 3
    await step(); // new up to 10
    await c.ready();
    await step(); // old to 0
    expect(seen).toEqual([[8, 3], [8, 5], [8, 5], [3, 5], [3, 10], [0, 10]]);
    const [oldRS, newRS] = c.rs().map((rs) => rs.metadata.name);
    expect((await c.events()).filter((e) => e.startsWith('ScalingReplicaSet')).slice(1)).toEqual([
      `ScalingReplicaSet Scaled up replica set ${newRS} from 0 to 3`,
      `ScalingReplicaSet Scaled down replica set ${oldRS} from 10 to 8`,
      `ScalingReplicaSet Scaled up replica set ${newRS} from 3 to 5`,
      `ScalingReplicaSet Scaled down replica set ${oldRS} from 8 to 3`,
      `ScalingReplicaSet Scaled up replica set ${newRS} from 5 to 10`,
      `ScalingReplicaSet Scaled down replica set ${oldRS} from 3 to 0`,
    ]);
    expect(c.d().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(c.d().metadata.generation).toBe(2);
    await c.deployments.reconcile('default/web');
    expect(c.d().status).toMatchObject({ observedGeneration: 2, replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
  });

  it('with maxSurge 0 removes a pod before adding one', async () => {
    const c = await cluster([deployment('web', { replicas: 2, maxSurge: 0, maxUnavailable: 1 })]);
    await c.step();
    await c.ready();
    c.env.clock.advance(1000);
    await editSpec(c, (d) => { d.spec.template!.metadata!.labels = { app: 'web', v: '2' }; });
    await c.step();
    expect(c.sizes()).toEqual([1, 0]);
    await c.step();
    expect(c.sizes()).toEqual([1, 1]);
  });

  it('scales old ReplicaSets proportionally when replicas change mid-rollout', async () => {
    const d = deployment('web', { replicas: 15, maxSurge: 3, maxUnavailable: 2 });
    const rs = (name: string, replicas: number, image: string, rev: string, age: number): Obj => ({
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: {
        name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, creationTimestamp: rfc(T0 - age * 1000),
        annotations: { 'deployment.kubernetes.io/revision': rev, 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }],
      },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } } },
    });
    const c = await cluster([{ ...d, spec: { ...d.spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:2.0' }] } } } }],
      [rs('web-old', 8, 'nginx:1.0', '1', 100), rs('web-new', 5, 'nginx:2.0', '2', 10)]);
    await c.deployments.reconcile('default/web');
    // allowed 15 + 3 = 18, 13 now: +5 spread as round(8·18/13)−8 = 3 and the remaining 2

    expect(c.sizes()).toEqual([11, 7]);
    expect(await c.events()).toEqual([
      'ScalingReplicaSet Scaled up replica set web-old from 8 to 11',
      'ScalingReplicaSet Scaled up replica set web-new from 5 to 7',
    ]);
    expect(meta(c.rs()[0])?.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '15', 'deployment.kubernetes.io/max-replicas': '18' });
  });
});

describe('deployment controller: Recreate', () => {
  it('scales the old ReplicaSet to 0 and creates the new one only when its pods are gone', async () => {
    const c = await cluster([deployment('web', { replicas: 2, strategy: 'Recreate' })]);
    await c.step();
    await c.ready();
    await editSpec(c, (d) => { d.spec.template!.spec = { containers: [{ name: 'c', image: 'nginx:2.0' }] }; });
    // pods linger as kubelets take time to stop them
    for (const p of c.fake.all(REFS.pods)) await c.fake.patch(REFS.pods, 'default', p.metadata.name!, 'application/merge-patch+json', { metadata: { finalizers: ['test/hold'] } });
    await c.step();
    expect(c.sizes()).toEqual([0]);
    await c.deployments.reconcile('default/web');
    expect(c.rs()).toHaveLength(1);
    for (const p of c.fake.all(REFS.pods)) await c.fake.patch(REFS.pods, 'default', p.metadata.name!, 'application/merge-patch+json', { metadata: { finalizers: null } });
    await c.syncReplicaSets();
    await c.step();
    expect(c.sizes()).toEqual([0, 2]);
    expect((await c.events()).filter((e) => e.startsWith('ScalingReplicaSet')).slice(1)).toEqual([
      `ScalingReplicaSet Scaled down replica set ${c.rs()[0]?.metadata.name} from 2 to 0`,
      `ScalingReplicaSet Scaled up replica set ${c.rs()[1]?.metadata.name} from 0 to 2`,
    ]);
  });
});
