import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { fakeEnv } from '../framework/testing.js';
import { DESCRIPTION, RootCACertPublisher } from './publisher.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('root-ca-cert-publisher', () => {
  it('publishes the CA in active namespaces, restores edits, skips terminating ones', async () => {
    const { fake, ctx } = fakeEnv({ 'root-ca-file': '/etc/kubernetes/pki/ca.crt' });
    const read: string[] = [];
    fake.seed(REFS.namespaces, { metadata: { name: 'a' } }, { metadata: { name: 'b' }, status: { phase: 'Terminating' } });
    const c = new RootCACertPublisher(ctx, async (p) => { read.push(p); return PEM; });
    await ctx.informers.start();
    await c.reconcile('a');
    await c.reconcile('b');
    expect(read).toEqual(['/etc/kubernetes/pki/ca.crt']);
    const cm = fake.peek(REFS.configmaps, 'a', 'kube-root-ca.crt') as { data?: Record<string, string>; metadata: { annotations?: Record<string, string> } };
    expect(cm.data).toEqual({ 'ca.crt': PEM });
    expect(cm.metadata.annotations?.['kubernetes.io/description']).toBe(DESCRIPTION);
    expect(fake.peek(REFS.configmaps, 'b', 'kube-root-ca.crt')).toBeUndefined();
    await fake.update(REFS.configmaps, { ...cm, data: { 'ca.crt': 'tampered', extra: 'x' } } as never);
    await new Promise((r) => setImmediate(r));
    await c.reconcile('a');
    expect((fake.peek(REFS.configmaps, 'a', 'kube-root-ca.crt') as { data?: unknown }).data).toEqual({ 'ca.crt': PEM });
  });
});
