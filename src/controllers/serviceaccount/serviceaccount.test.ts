import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { ServiceAccountsController } from './serviceaccount.js';

describe('serviceaccount controller', () => {
  it('creates default in a new namespace, recreates it after a delete, skips terminating ones', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.namespaces, { metadata: { name: 'a' } }, { metadata: { name: 'b' }, status: { phase: 'Terminating' } });
    const c = new ServiceAccountsController(ctx);
    await ctx.informers.start();
    await c.reconcile('a');
    await c.reconcile('b');
    expect(fake.actions.map((x) => `${x.verb} ${x.resource} ${x.namespace}/${x.name}`)).toEqual(['create serviceaccounts a/default']);
    await new Promise((r) => setImmediate(r));
    await c.reconcile('a');
    expect(fake.actions).toHaveLength(1);
    await fake.delete(REFS.serviceaccounts, 'a', 'default');
    await new Promise((r) => setImmediate(r));
    expect(c.queue.length).toBeGreaterThan(0);
    await c.reconcile('a');
    expect(fake.peek(REFS.serviceaccounts, 'a', 'default')).toBeDefined();
  });
});
