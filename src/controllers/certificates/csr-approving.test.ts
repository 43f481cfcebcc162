import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import type { Client, Obj, ResourceRef } from '../../client/types.js';
import { CSRApprovingController } from './csr-approving.js';
import { APPROVED, csr, makeRequest } from './testdata.js';
import type { CSR } from './csr.js';

interface Sar { spec: { user: string; groups?: string[]; resourceAttributes: { subresource: string; verb: string; resource: string; group: string; version: string } } }

/** A fake whose SubjectAccessReviews allow what `allowed` says (user → subresources). */
function setup(allowed: Record<string, string[]>) {
  const env = fakeEnv();
  const sars: Sar[] = [];
  const create = env.fake.create.bind(env.fake);
  env.fake.create = (async (ref: ResourceRef, ns: string, obj: Obj, o?: object) => {
    if (ref.resource !== 'subjectaccessreviews') return create(ref, ns, obj, o);
    const sar = obj as unknown as Sar;
    sars.push(sar);
    return { ...obj, status: { allowed: (allowed[sar.spec.user] ?? []).includes(sar.spec.resourceAttributes.subresource) } };
  }) as Client['create'];
  const c = new CSRApprovingController(env.ctx);
  return { ...env, c, sars };
}

const NODE_USAGES = ['digital signature', 'client auth'];
const KUBELET = 'kubernetes.io/kube-apiserver-client-kubelet';

describe('csrapproving', () => {
  it('approves a node renewing its own client certificate (selfnodeclient)', async () => {
    const request = await makeRequest('O=system:nodes, CN=system:node:n1');
    const { fake, ctx, c, sars } = setup({ 'system:node:n1': ['selfnodeclient'] });
    fake.seed(REFS.csrs, csr('csr-1', request, { signerName: KUBELET, usages: NODE_USAGES, username: 'system:node:n1', groups: ['system:nodes'] }));
    await ctx.informers.start();
    await c.reconcile('csr-1');
    expect(sars[0]!.spec.resourceAttributes).toEqual({ group: 'certificates.k8s.io', resource: 'certificatesigningrequests', verb: 'create', subresource: 'selfnodeclient', version: '*' });
    expect(fake.actions.map((a) => `${a.verb} ${a.resource}/${a.subresource}`)).toEqual(['update certificatesigningrequests/approval']);
    expect(fake.peek<CSR>(REFS.csrs, '', 'csr-1')!.status?.conditions).toEqual([{
      type: 'Approved', status: 'True', reason: 'AutoApproved', message: 'Auto approving self kubelet client certificate after SubjectAccessReview.',
      lastUpdateTime: '2026-01-01T00:00:00Z', lastTransitionTime: '2026-01-01T00:00:00Z',
    }]);
  });

  it('approves a bootstrapping kubelet (nodeclient) after SubjectAccessReview', async () => {
    const request = await makeRequest('O=system:nodes, CN=system:node:n2');
    const { fake, ctx, c, sars } = setup({ 'system:bootstrap:abcdef': ['nodeclient'] });
    fake.seed(REFS.csrs, csr('csr-2', request, { signerName: KUBELET, usages: ['digital signature', 'key encipherment', 'client auth'], username: 'system:bootstrap:abcdef' }));
    await ctx.informers.start();
    await c.reconcile('csr-2');
    expect(sars.map((s) => s.spec.resourceAttributes.subresource)).toEqual(['nodeclient']);
    expect(fake.peek<CSR>(REFS.csrs, '', 'csr-2')!.status?.conditions?.[0]).toMatchObject({ reason: 'AutoApproved', message: 'Auto approving kubelet client certificate after SubjectAccessReview.' });
  });

  it('leaves a recognized request alone when no review allows it, and says so', async () => {
    const request = await makeRequest('O=system:nodes, CN=system:node:n1');
    const { fake, ctx, c, sars } = setup({});
    fake.seed(REFS.csrs, csr('csr-3', request, { signerName: KUBELET, usages: NODE_USAGES, username: 'system:node:n1' }));
    await ctx.informers.start();
    await expect(c.reconcile('csr-3')).rejects.toThrow('recognized csr "csr-3" as [selfnodeclient nodeclient] but subject access review was not approved');
    expect(sars).toHaveLength(2);
    expect(fake.actions).toEqual([]);
  });

  const ignored: { name: string; subject: string; spec: Partial<NonNullable<CSR['spec']>>; status?: CSR['status'] }[] = [
    { name: 'a user client certificate', subject: 'CN=jane', spec: {} },
    { name: 'kubelet usages that do not match', subject: 'O=system:nodes, CN=system:node:n1', spec: { signerName: KUBELET, usages: ['server auth', 'digital signature'] } },
    { name: 'a subject outside system:nodes', subject: 'O=dev, CN=system:node:n1', spec: { signerName: KUBELET, usages: NODE_USAGES } },
    { name: 'an already approved request', subject: 'O=system:nodes, CN=system:node:n1', spec: { signerName: KUBELET, usages: NODE_USAGES }, status: APPROVED },
    { name: 'a denied request', subject: 'O=system:nodes, CN=system:node:n1', spec: { signerName: KUBELET, usages: NODE_USAGES }, status: { conditions: [{ type: 'Denied', status: 'True' }] } },
  ];

  it.each(ignored)('ignores $name', async ({ subject, spec, status }) => {
    const { fake, ctx, c, sars } = setup({ 'system:node:n1': ['selfnodeclient', 'nodeclient'], jane: ['selfnodeclient', 'nodeclient'] });
    fake.seed(REFS.csrs, csr('x', await makeRequest(subject), { username: 'system:node:n1', ...spec }, status));
    await ctx.informers.start();
    await c.reconcile('x');
    expect(sars).toEqual([]);
    expect(fake.actions).toEqual([]);
  });

  it('reports a request that is not a PEM certificate request', async () => {
    const { fake, ctx, c } = setup({});
    fake.seed(REFS.csrs, csr('bad', Buffer.from('-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n').toString('base64')));
    await ctx.informers.start();
    await expect(c.reconcile('bad')).rejects.toThrow('unable to parse csr "bad": PEM block type must be CERTIFICATE REQUEST');
  });
});
