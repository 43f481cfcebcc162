import { describe, expect, it, vi } from 'vitest';
import { REFS } from '../../client/refs.js';
import { ApiError, type Obj } from '../../client/types.js';
import { computeHash } from './hash.js';
import { cluster, deployment, rfc } from './testdata.js';
import type { Deployment } from './types.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const cond = (d: Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);

describe('deployment controller: progress deadline', () => {
  it('moves Progressing through ReplicaSetUpdated to ProgressDeadlineExceeded, requeueing for the check', async () => {
    const c = await cluster([deployment('web', { replicas: 1, spec: { progressDeadlineSeconds: 60 } })]);
    expect(await c.deployments.reconcile('default/web')).toEqual({ requeueAfter: 61_000 });
    await c.syncReplicaSets();
    const name = c.rs()[0]?.metadata.name;
    c.env.clock.advance(10_000);
    await c.deployments.reconcile('default/web');
    expect(cond(c.d(), 'Progressing')).toEqual({
      type: 'Progressing', status: 'True', lastUpdateTime: rfc(T0 + 10_000), lastTransitionTime: rfc(T0), reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.`,
    });
    c.env.clock.advance(30_000);
    // 60 s from the last progress at +10 s, plus a second
    expect(await c.deployments.reconcile('default/web')).toEqual({ requeueAfter: 31_000 });
    c.env.clock.advance(31_000);
    expect(await c.deployments.reconcile('default/web')).toBeUndefined();
    expect(cond(c.d(), 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.`, lastTransitionTime: rfc(T0 + 71_000) });
    await c.ready();
    await c.deployments.reconcile('default/web');
    expect(cond(c.d(), 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` });
  });

  it('drops Progressing when the deployment has no deadline', async () => {
    const c = await cluster([deployment('web', { replicas: 1, spec: { progressDeadlineSeconds: 2147483647 } })]);
    await c.step();
    await c.deployments.reconcile('default/web');
    expect(cond(c.d(), 'Progressing')).toBeUndefined();
    expect(cond(c.d(), 'Available')).toBeDefined();
  });
});

describe('deployment controller: failures', () => {
  it('reports a ReplicaSet it cannot create', async () => {
    const c = await cluster([deployment('web')]);
    const real = c.fake.create.bind(c.fake);
    vi.spyOn(c.fake, 'create').mockImplementation(async (ref, ns, obj, o) => {
      if (ref.resource === 'replicasets') throw new ApiError({ code: 403, reason: 'Forbidden', message: 'replicasets.apps "x" is forbidden: exceeded quota: q' });
      return real(ref, ns, obj, o);
    });
    await expect(c.deployments.reconcile('default/web')).rejects.toThrow(/exceeded quota/);
    const hash = computeHash(c.d().spec.template!);
    const msg = `Failed to create new replica set "web-${hash}": replicasets.apps "x" is forbidden: exceeded quota: q`;
    expect(cond(c.d(), 'Progressing')).toMatchObject({ status: 'False', reason: 'ReplicaSetCreateError', message: msg });
    expect(await c.events()).toEqual([`ReplicaSetCreateError ${msg}`]);
  });

  it('carries a ReplicaSet ReplicaFailure condition into the deployment', async () => {
    const c = await cluster([deployment('web', { replicas: 1 })]);
    await c.deployments.reconcile('default/web');
    const rs = c.rs()[0]!;
    const failure = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc(T0), reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota: q' };
    await c.fake.update(REFS.replicasets, { ...rs, status: { replicas: 0, conditions: [failure] } }, { subresource: 'status' });
    await c.deployments.reconcile('default/web');
    expect(cond(c.d(), 'ReplicaFailure')).toEqual({ type: 'ReplicaFailure', status: 'True', lastUpdateTime: rfc(T0), lastTransitionTime: rfc(T0), reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota: q' });
  });

  it('counts a hash collision and hashes again with the count', async () => {
    const d = deployment('web');
    const taken = computeHash(d.spec.template!);
    const squatter: Obj = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `web-${taken}`, namespace: 'default', labels: { app: 'other' } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } } } },
    };
    const c = await cluster([d], [squatter]);
    await expect(c.deployments.reconcile('default/web')).rejects.toThrow(/already exists/);
    expect(c.d().status?.collisionCount).toBe(1);
    await c.deployments.reconcile('default/web');
    const again = computeHash(d.spec.template!, 1);
    expect(again).not.toBe(taken);
    expect(c.fake.peek(REFS.replicasets, 'default', `web-${again}`)).toBeDefined();
  });
});

describe('deployment controller: ownership', () => {
  it('adopts an orphan ReplicaSet with its template instead of creating one', async () => {
    const d = deployment('web', { replicas: 2 });
    const orphan: Obj = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-manual', namespace: 'default', uid: 'rs-orphan', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: d.spec.template },
    };
    const c = await cluster([d], [orphan]);
    await c.deployments.reconcile('default/web');
    expect(c.fake.actions.filter((a) => a.resource === 'replicasets').map((a) => `${a.verb} ${a.name}`)).toEqual(['patch web-manual', 'update web-manual']);
    expect(c.fake.actions[0]?.object).toEqual({ metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }], uid: 'rs-orphan' } });
    expect(c.fake.peek(REFS.replicasets, 'default', 'web-manual')?.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1' });
  });

  it('refuses a selector that selects everything', async () => {
    const d = deployment('web', { spec: { selector: {} } });
    const c = await cluster([d]);
    await c.deployments.reconcile('default/web');
    expect(c.rs()).toEqual([]);
    expect(c.d().status).toEqual({ observedGeneration: 1 });
    expect(await c.events()).toEqual(['SelectingAll This deployment is selecting all pods. A non-empty selector is required.']);
  });
});
