// CertificateSigningRequests as the certificate controllers read them: conditions
// (pkg/controller/certificates), the PKCS#10 request inside spec.request (ParseCSR), and the
// kubelet client / serving shapes the approver and the signers recognise
// (pkg/apis/certificates/helpers.go), with upstream's error wording.
import type { Obj } from '../../client/types.js';
import { Pkcs10CertificateRequest, SubjectAlternativeNameExtension, type PublicKey } from './x509.js';

export interface CSRCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export interface CSR extends Obj {
  spec?: {
    request?: string;
    signerName?: string;
    usages?: string[];
    expirationSeconds?: number;
    username?: string;
    uid?: string;
    groups?: string[];
    extra?: Record<string, string[]>;
  };
  status?: { conditions?: CSRCondition[]; certificate?: string };
}

export const SIGNERS = {
  kubeAPIServerClient: 'kubernetes.io/kube-apiserver-client',
  kubeletClient: 'kubernetes.io/kube-apiserver-client-kubelet',
  kubeletServing: 'kubernetes.io/kubelet-serving',
  legacyUnknown: 'kubernetes.io/legacy-unknown',
} as const;

const hasTrue = (csr: CSR, type: string): boolean => (csr.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** GetCertApprovalCondition. */
export const isApproved = (csr: CSR): boolean => hasTrue(csr, 'Approved') && !hasTrue(csr, 'Denied');
export const isDenied = (csr: CSR): boolean => hasTrue(csr, 'Denied');
export const isFailed = (csr: CSR): boolean => hasTrue(csr, 'Failed');

/** What the controllers need from the PKCS#10 request. */
export interface ParsedCSR {
  request: Pkcs10CertificateRequest;
  commonName: string;
  organizations: string[];
  dnsNames: string[];
  ips: string[];
  emails: string[];
  uris: string[];
  publicKey: PublicKey;
}

const SAN_OID = '2.5.29.17';

/** ParseCSR: spec.request (base64 of a PEM "CERTIFICATE REQUEST") into its parts. */
export function parseCSR(request: string | undefined): ParsedCSR {
  const pem = Buffer.from(request ?? '', 'base64').toString('utf8');
  const m = /-----BEGIN ([A-Z ]+)-----/.exec(pem);
  if (!m || m[1] !== 'CERTIFICATE REQUEST') throw new Error('PEM block type must be CERTIFICATE REQUEST');
  const req = new Pkcs10CertificateRequest(pem);
  const san = req.getExtension(SAN_OID);
  const names = san ? new SubjectAlternativeNameExtension(san.rawData).names.items : [];
  const of = (type: string) => names.filter((n) => n.type === type).map((n) => n.value);
  return {
    request: req,
    commonName: req.subjectName.getField('CN')[0] ?? '',
    organizations: req.subjectName.getField('O'),
    dnsNames: of('dns'), ips: of('ip'), emails: of('email'), uris: of('url'),
    publicKey: req.publicKey,
  };
}

const sameSet = (a: Set<string>, b: string[]): boolean => a.size === new Set(b).size && b.every((x) => a.has(x));

const KUBELET_CLIENT_USAGES = ['client auth', 'digital signature', 'key encipherment'];
const KUBELET_CLIENT_USAGES_NO_RSA = ['client auth', 'digital signature'];
const KUBELET_SERVING_USAGES = ['digital signature', 'key encipherment', 'server auth'];
const KUBELET_SERVING_USAGES_NO_RSA = ['digital signature', 'server auth'];

const onlySystemNodes = (p: ParsedCSR): boolean => p.organizations.length === 1 && p.organizations[0] === 'system:nodes';

/** ValidateKubeletClientCSR: the error, or undefined when the request is a kubelet client one. */
export function kubeletClientError(p: ParsedCSR, usages: string[] = []): string | undefined {
  if (!onlySystemNodes(p)) return 'subject organization is not system:nodes';
  if (p.dnsNames.length) return 'DNS subjectAltNames are not allowed';
  if (p.emails.length) return 'Email subjectAltNames are not allowed';
  if (p.ips.length) return 'IP subjectAltNames are not allowed';
  if (p.uris.length) return 'URI subjectAltNames are not allowed';
  if (!p.commonName.startsWith('system:node:')) return 'subject common name does not begin with system:node:';
  const set = new Set(usages);
  if (!sameSet(set, KUBELET_CLIENT_USAGES) && !sameSet(set, KUBELET_CLIENT_USAGES_NO_RSA)) return `usages did not match [${KUBELET_CLIENT_USAGES.join(' ')}]`;
  return undefined;
}

/** ValidateKubeletServingCSR. */
export function kubeletServingError(p: ParsedCSR, usages: string[] = []): string | undefined {
  if (!onlySystemNodes(p)) return 'subject organization is not system:nodes';
  if (!p.dnsNames.length && !p.ips.length) return 'DNS or IP subjectAltName is required';
  if (p.emails.length) return 'Email subjectAltNames are not allowed';
  if (p.uris.length) return 'URI subjectAltNames are not allowed';
  const set = new Set(usages);
  if (!sameSet(set, KUBELET_SERVING_USAGES) && !sameSet(set, KUBELET_SERVING_USAGES_NO_RSA)) return `usages did not match [${KUBELET_SERVING_USAGES.join(' ')}]`;
  if (!p.commonName.startsWith('system:node:')) return 'subject common name does not begin with system:node:';
  return undefined;
}

/** validAPIServerClientUsages: client auth required, digital signature / key encipherment allowed. */
export function apiserverClientError(usages: string[] = []): string | undefined {
  for (const u of usages) {
    if (u !== 'digital signature' && u !== 'key encipherment' && u !== 'client auth') return `invalid usage for client certificate: ${u}`;
  }
  return usages.includes('client auth') ? undefined : 'missing required usage for client certificate: client auth';
}
