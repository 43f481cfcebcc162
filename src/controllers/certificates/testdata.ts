// A CA and certificate requests for the certificate controllers' tests.
import { KeyObject, webcrypto } from 'node:crypto';
import type { CSR } from './csr.js';
import {
  BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, Pkcs10CertificateRequestGenerator, SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension, X509CertificateGenerator, type JsonGeneralName,
} from './x509.js';

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface TestCA { certPem: string; keyPem: string }

export async function makeCA(commonName = 'kubernetes'): Promise<TestCA> {
  const keys = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  const cert = await X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: `CN=${commonName}`,
    notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z'),
    keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment | KeyUsageFlags.keyCertSign, true),
      new BasicConstraintsExtension(true, undefined, true),
      await SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
    ],
  }, webcrypto);
  return { certPem: cert.toString('pem'), keyPem: KeyObject.from(keys.privateKey).export({ type: 'sec1', format: 'pem' }).toString() };
}

/** A PEM certificate request, base64-encoded as spec.request holds it. */
export async function makeRequest(subject: string, sans: JsonGeneralName[] = []): Promise<string> {
  const keys = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
  const req = await Pkcs10CertificateRequestGenerator.create({
    name: subject, keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: sans.length ? [new SubjectAlternativeNameExtension(sans)] : [],
  }, webcrypto);
  return Buffer.from(req.toString('pem')).toString('base64');
}

export function csr(name: string, request: string, spec: Partial<NonNullable<CSR['spec']>> = {}, status?: CSR['status']): CSR {
  return {
    apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name },
    spec: { request, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], username: 'jane', groups: ['system:authenticated'], ...spec },
    ...(status ? { status } : {}),
  };
}

export const APPROVED = { conditions: [{ type: 'Approved', status: 'True', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.' }] };
