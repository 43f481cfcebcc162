import { X509Certificate as NodeX509 } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { CSRSigningController } from './csr-signing.js';
import { APPROVED, csr, makeCA, makeRequest, type TestCA } from './testdata.js';
import type { CSR } from './csr.js';
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from './x509.js';

let ca: TestCA;
beforeAll(async () => { ca = await makeCA(); });

const FLAGS = { 'cluster-signing-cert-file': '/etc/kubernetes/pki/ca.crt', 'cluster-signing-key-file': '/etc/kubernetes/pki/ca.key' };
const NOW = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

async function sign(obj: CSR, flags: Record<string, string> = FLAGS) {
  const env = fakeEnv(flags);
  env.fake.seed(REFS.csrs, obj);
  const files: Record<string, string> = { '/etc/kubernetes/pki/ca.crt': ca.certPem, '/etc/kubernetes/pki/ca.key': ca.keyPem };
  const c = new CSRSigningController(env.ctx, { readFile: async (p) => files[p] ?? '' });
  await env.ctx.informers.start();
  await c.reconcile(obj.metadata.name!);
  const after = env.fake.peek<CSR>(REFS.csrs, '', obj.metadata.name!)!;
  const pem = after.status?.certificate ? Buffer.from(after.status.certificate, 'base64').toString() : undefined;
  return { ...env, after, pem };
}

const keyUsageBits = (pem: string) => new X509Certificate(pem).getExtension(KeyUsagesExtension)?.usages;

describe('csrsigning', () => {
  it('signs an approved client certificate for the requested duration under the cluster CA', async () => {
    const { pem, fake } = await sign(csr('jane', await makeRequest('CN=jane, O=dev, O=ops'), { usages: ['client auth', 'digital signature'], expirationSeconds: 3600 }, APPROVED));
    expect(fake.actions.map((a) => `${a.verb} ${a.resource}/${a.subresource}`)).toEqual(['update certificatesigningrequests/status']);
    const cert = new NodeX509(pem!);
    const caCert = new NodeX509(ca.certPem);
    expect(cert.issuer).toBe('CN=kubernetes');
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    // Go re-encodes the subject: organizations first, in one RDN, then the common name.
    expect(cert.subject).toBe('O=dev + O=ops\nCN=jane');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(keyUsageBits(pem!)).toBe(KeyUsageFlags.digitalSignature);
    expect(cert.ca).toBe(false);
    expect(Date.parse(cert.validFrom)).toBe(NOW - 5 * 60_000);
    expect(Date.parse(cert.validTo)).toBe(NOW + HOUR);
  });

  it('caps the duration at --cluster-signing-duration and backdates long-lived certificates', async () => {
    const { pem } = await sign(csr('long', await makeRequest('CN=jane'), { expirationSeconds: 10 * 365 * 24 * 3600 }, APPROVED), { ...FLAGS, 'cluster-signing-duration': '720h0m0s' });
    expect(Date.parse(new NodeX509(pem!).validTo)).toBe(NOW + 720 * HOUR - 5 * 60_000);
  });

  it('uses the default one-year duration without expirationSeconds', async () => {
    const { pem } = await sign(csr('year', await makeRequest('CN=jane'), {}, APPROVED));
    expect(Date.parse(new NodeX509(pem!).validTo)).toBe(NOW + 8760 * HOUR - 5 * 60_000);
  });

  it('signs a kubelet serving certificate with its SANs', async () => {
    const request = await makeRequest('O=system:nodes, CN=system:node:n1', [{ type: 'dns', value: 'n1' }, { type: 'ip', value: '172.18.0.2' }]);
    const { pem } = await sign(csr('serving', request, { signerName: 'kubernetes.io/kubelet-serving', usages: ['digital signature', 'key encipherment', 'server auth'] }, APPROVED));
    const cert = new NodeX509(pem!);
    expect(cert.subjectAltName).toBe('DNS:n1, IP Address:172.18.0.2');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(keyUsageBits(pem!)).toBe(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment);
  });

  it('fails a request its signer does not accept', async () => {
    const request = await makeRequest('O=dev, CN=system:node:n1');
    const { after, pem } = await sign(csr('bad', request, { signerName: 'kubernetes.io/kube-apiserver-client-kubelet', usages: ['digital signature', 'client auth'] }, APPROVED));
    expect(pem).toBeUndefined();
    expect(after.status?.conditions?.[1]).toEqual({
      type: 'Failed', status: 'True', reason: 'SignerValidationFailure', message: 'subject organization is not system:nodes',
      lastUpdateTime: '2026-01-01T00:00:00Z', lastTransitionTime: '2026-01-01T00:00:00Z',
    });
  });

  it('rejects server auth on the client signer', async () => {
    const { after } = await sign(csr('srv', await makeRequest('CN=jane'), { usages: ['server auth'] }, APPROVED));
    expect(after.status?.conditions?.[1]?.message).toBe('invalid usage for client certificate: server auth');
  });

  const untouched: { name: string; spec?: Partial<NonNullable<CSR['spec']>>; status?: CSR['status']; flags?: Record<string, string> }[] = [
    { name: 'a pending request' },
    { name: 'a denied request', status: { conditions: [{ type: 'Denied', status: 'True' }] } },
    { name: 'an approved but failed request', status: { conditions: [...APPROVED.conditions, { type: 'Failed', status: 'True' }] } },
    { name: 'a legacy-unknown request', spec: { signerName: 'kubernetes.io/legacy-unknown' }, status: APPROVED },
    { name: 'another signer\'s request', spec: { signerName: 'example.com/custom' }, status: APPROVED },
    { name: 'any request when no signing CA is configured', status: APPROVED, flags: {} },
  ];

  it.each(untouched)('leaves alone $name', async ({ spec, status, flags }) => {
    const { fake } = await sign(csr('x', await makeRequest('CN=jane'), spec ?? {}, status), flags ?? FLAGS);
    expect(fake.actions).toEqual([]);
  });

  it('reads the CA from the files the flags name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csrsigning-'));
    try {
      await writeFile(join(dir, 'ca.crt'), ca.certPem);
      await writeFile(join(dir, 'ca.key'), ca.keyPem);
      const env = fakeEnv({ 'cluster-signing-cert-file': join(dir, 'ca.crt'), 'cluster-signing-key-file': join(dir, 'ca.key') });
      env.fake.seed(REFS.csrs, csr('disk', await makeRequest('CN=jane'), {}, APPROVED));
      const c = new CSRSigningController(env.ctx);
      await env.ctx.informers.start();
      await c.reconcile('disk');
      expect(env.fake.peek<CSR>(REFS.csrs, '', 'disk')!.status?.certificate).toBeTruthy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
