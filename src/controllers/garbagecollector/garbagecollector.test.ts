import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { GarbageCollector } from './garbagecollector.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import type { Obj } from '../../client/types.js';

const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const res = (r: { group: string; version: string; resource: string; kind: string; namespaced: boolean }): DiscoveredResource => ({ ...r, verbs });

function setup() {
  const env = fakeEnv();
  env.ctx.resources = [res(REFS.pods), res(REFS.replicasets), res(REFS.deployments), res(REFS.events)];
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'rs-uid' } };
  const own = (o: Obj, block = true) => ({ apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', controller: true, blockOwnerDeletion: block });
  const pod = (name: string, owners = [own(rs)]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `${name}-uid`, ownerReferences: owners } });
  return { ...env, rs, pod };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('garbage collector', () => {
  it('deletes dependents whose owner is gone', async () => {
    const { fake, ctx, pod } = setup();
    fake.seed(REFS.pods, pod('a'), pod('b'));
    const gc = new GarbageCollector(ctx);
    await ctx.informers.start();
    await gc.reconcile('a-uid');
    expect(fake.actions).toEqual([{ verb: 'delete', resource: 'pods', namespace: 'default', name: 'a' }]);
    expect(fake.peek(REFS.pods, 'default', 'b')).toBeDefined();
  });

  it('keeps dependents of a live owner, and drops a dangling second owner', async () => {
    const { fake, ctx, rs, pod } = setup();
    fake.seed(REFS.replicasets, rs);
    fake.seed(REFS.pods, pod('a', [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: 'gone-uid', controller: false, blockOwnerDeletion: false }]));
    const gc = new GarbageCollector(ctx);
    await ctx.informers.start();
    await gc.reconcile('a-uid');
    expect(fake.peek<Obj>(REFS.pods, 'default', 'a')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['web-1']);
  });

  it('foreground: deletes blocking dependents, then removes the owner', async () => {
    const { fake, ctx, rs, pod } = setup();
    fake.seed(REFS.replicasets, rs);
    fake.seed(REFS.pods, pod('a'));
    const gc = new GarbageCollector(ctx);
    await ctx.informers.start();
    await fake.delete(REFS.replicasets, 'default', 'web-1', { propagationPolicy: 'Foreground' });
    await settle();
    expect(await gc.reconcile('rs-uid')).toEqual({ requeueAfter: 1000 });
    await settle();
    expect(fake.peek(REFS.pods, 'default', 'a')).toBeUndefined();
    await gc.reconcile('rs-uid');
    expect(fake.peek(REFS.replicasets, 'default', 'web-1')).toBeUndefined();
  });

  it('orphan: removes the owner reference from dependents, then the finalizer', async () => {
    const { fake, ctx, rs, pod } = setup();
    fake.seed(REFS.replicasets, rs);
    fake.seed(REFS.pods, pod('a'));
    const gc = new GarbageCollector(ctx);
    await ctx.informers.start();
    await fake.delete(REFS.replicasets, 'default', 'web-1', { propagationPolicy: 'Orphan' });
    await settle();
    await gc.reconcile('rs-uid');
    expect(fake.peek<Obj>(REFS.pods, 'default', 'a')?.metadata.ownerReferences).toBeUndefined();
    expect(fake.peek(REFS.replicasets, 'default', 'web-1')).toBeUndefined();
  });
});
