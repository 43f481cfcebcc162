import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { PVCProtectionController } from './pvc-protection.js';
import { PVProtectionController } from './pv-protection.js';
import { podUsing, pv, pvc } from './testdata.js';

const settle = () => new Promise((r) => setImmediate(r));
const DELETING = { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['kubernetes.io/pvc-protection'] };

describe('pvc-protection', () => {
  it('adds the finalizer to a live claim', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi'));
    const c = new PVCProtectionController(ctx);
    await ctx.informers.start();
    expect(c.queue.length).toBe(1);
    await c.reconcile('default/data');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'data')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
  });

  it('keeps a deleted claim while a scheduled pod uses it and lets go once the pod is gone', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi', {}, DELETING));
    fake.seed(REFS.pods, podUsing('web', 'data', 'node-1'), podUsing('pending', 'data'));
    const c = new PVCProtectionController(ctx);
    await ctx.informers.start();
    await c.reconcile('default/data');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'data')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    await fake.delete(REFS.pods, 'default', 'web');
    await settle();
    expect(c.queue.length).toBe(1);
    await c.reconcile('default/data');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'data')).toBeUndefined();
  });

  it('asks a live list before letting go', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi', {}, DELETING));
    const c = new PVCProtectionController(ctx);
    await ctx.informers.start();
    ctx.informers.for(REFS.pods).stop();
    fake.seed(REFS.pods, podUsing('web', 'data', 'node-1'));
    await c.reconcile('default/data');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'data')).toBeDefined();
  });

  it('treats a completed pod as still holding the claim, as upstream does', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.persistentvolumeclaims, pvc('data', '1Gi', {}, DELETING));
    fake.seed(REFS.pods, { ...podUsing('job', 'data', 'node-1'), status: { phase: 'Succeeded' } });
    const c = new PVCProtectionController(ctx);
    await ctx.informers.start();
    await c.reconcile('default/data');
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'data')).toBeDefined();
  });
});

describe('pv-protection', () => {
  const cases = [
    { name: 'adds the finalizer to a live volume', phase: 'Available', deleting: false, want: ['kubernetes.io/pv-protection'] as string[] | undefined },
    { name: 'keeps a Bound volume being deleted', phase: 'Bound', deleting: true, want: ['kubernetes.io/pv-protection'] },
    { name: 'lets a Released volume go', phase: 'Released', deleting: true, want: undefined },
  ];
  it.each(cases)('$name', async ({ phase, deleting, want }) => {
    const { fake, ctx } = fakeEnv();
    const meta = deleting ? { name: 'v', deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['kubernetes.io/pv-protection'] } : { name: 'v' };
    fake.seed(REFS.persistentvolumes, pv('v', '1Gi', {}, { metadata: meta, status: { phase } }));
    const c = new PVProtectionController(ctx);
    await ctx.informers.start();
    await c.reconcile('v');
    expect(fake.peek(REFS.persistentvolumes, '', 'v')?.metadata.finalizers).toEqual(want);
  });
});
