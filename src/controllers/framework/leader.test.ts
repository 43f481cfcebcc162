import { describe, expect, it } from 'vitest';
import { fakeEnv } from './testing.js';
import { LeaderElector } from './leader.js';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';

type Lease = Obj & { spec: { holderIdentity: string; leaseTransitions: number; renewTime: string; acquireTime: string } };

describe('leader election', () => {
  it('creates the lease, waits out a live holder, takes over an expired one, releases on stop', async () => {
    const { fake, clock } = fakeEnv();
    const elector = (identity: string) => new LeaderElector({ client: fake, namespace: 'kube-system', name: 'kube-controller-manager', identity, now: clock.now, log: () => {}, retryMs: 1 });
    const a = elector('cp_a');
    expect(await a.acquire()).toBe(true);
    const lease = fake.peek<Lease>(REFS.leases, 'kube-system', 'kube-controller-manager')!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'cp_a', leaseDurationSeconds: 15, leaseTransitions: 0, renewTime: '2026-01-01T00:00:00.000000Z' });

    const b = elector('cp_b');
    const racing = b.acquire();
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.peek<Lease>(REFS.leases, 'kube-system', 'kube-controller-manager')!.spec.holderIdentity).toBe('cp_a');
    clock.advance(16_000);
    expect(await racing).toBe(true);
    const taken = fake.peek<Lease>(REFS.leases, 'kube-system', 'kube-controller-manager')!;
    expect(taken.spec).toMatchObject({ holderIdentity: 'cp_b', leaseTransitions: 1, acquireTime: '2026-01-01T00:00:16.000000Z' });

    await b.release();
    expect(fake.peek<Lease>(REFS.leases, 'kube-system', 'kube-controller-manager')!.spec).toMatchObject({ holderIdentity: '', leaseDurationSeconds: 1 });
    const c = elector('cp_c');
    expect(await c.acquire()).toBe(true);
  });

  it('stops waiting for a held lease when released', async () => {
    const { fake, clock } = fakeEnv();
    const mk = (identity: string) => new LeaderElector({ client: fake, namespace: 'kube-system', name: 'kube-scheduler', identity, now: clock.now, log: () => {}, retryMs: 60_000 });
    expect(await mk('cp_a').acquire()).toBe(true);
    const b = mk('cp_b');
    const waiting = b.acquire();
    await new Promise((r) => setTimeout(r, 5));
    await b.release();
    expect(await waiting).toBe(false);
  });
});
