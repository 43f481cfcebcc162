import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { NamespaceController } from './namespace.js';
import type { DiscoveredResource } from '../../client/discovery.js';
import type { Obj } from '../../client/types.js';

const res = (r: { group: string; version: string; resource: string; kind: string; namespaced: boolean }): DiscoveredResource => ({ ...r, verbs: ['create', 'delete', 'get', 'list', 'watch'] });

function setup() {
  const env = fakeEnv();
  env.ctx.discover = async () => [res(REFS.pods), res(REFS.configmaps), res(REFS.deployments), res(REFS.events), res(REFS.nodes)];
  env.fake.seed(REFS.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', deletionTimestamp: '2026-01-01T00:00:00Z' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } });
  env.fake.seed(REFS.configmaps, { metadata: { name: 'cm', namespace: 'team' } });
  env.fake.seed(REFS.deployments, { metadata: { name: 'web', namespace: 'team' } });
  env.fake.seed(REFS.events, { metadata: { name: 'ev', namespace: 'team' } });
  env.fake.seed(REFS.configmaps, { metadata: { name: 'keep', namespace: 'other' } });
  return env;
}

describe('namespace controller', () => {
  it('deletes the content, reports what remains, and finalizes once empty', async () => {
    const { fake, ctx } = setup();
    const c = new NamespaceController(ctx);
    await ctx.informers.start();
    const first = await c.reconcile('team');
    expect(first).toEqual({ requeueAfter: 5000 });
    expect(fake.actions.filter((a) => a.verb === 'delete').map((a) => `${a.resource}/${a.name}`)).toEqual(['configmaps/cm', 'deployments/web']);
    const ns = fake.peek<Obj & { status: { conditions: { type: string; status: string; message: string }[] } }>(REFS.namespaces, '', 'team')!;
    expect(ns.status.conditions.find((x) => x.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: configmaps. has 1 resource instances, deployments.apps has 1 resource instances' });
    await c.reconcile('team');
    expect(fake.peek(REFS.namespaces, '', 'team')).toBeUndefined();
    const fin = fake.actions.find((a) => a.subresource === 'finalize');
    expect(fin?.object).toMatchObject({ spec: { finalizers: [] } });
    expect(fake.peek(REFS.configmaps, 'other', 'keep')).toBeDefined();
    expect(fake.peek(REFS.events, 'team', 'ev')).toBeDefined();
  });

  it('waits for objects with finalizers and names them', async () => {
    const { fake, ctx } = setup();
    fake.seed(REFS.pods, { metadata: { name: 'p', namespace: 'team', finalizers: ['example.com/hold'] } });
    const c = new NamespaceController(ctx);
    await ctx.informers.start();
    await c.reconcile('team');
    await c.reconcile('team');
    const ns = fake.peek<Obj & { status: { conditions: { type: string; message: string }[] } }>(REFS.namespaces, '', 'team')!;
    expect(ns.status.conditions.find((x) => x.type === 'NamespaceFinalizersRemaining')?.message).toBe('Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');
    expect(fake.actions.some((a) => a.subresource === 'finalize')).toBe(false);
  });

  it('leaves namespaces that are not being deleted alone', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.namespaces, { metadata: { name: 'live' }, spec: { finalizers: ['kubernetes'] } });
    const c = new NamespaceController(ctx);
    await ctx.informers.start();
    await c.reconcile('live');
    expect(fake.actions).toEqual([]);
  });
});
