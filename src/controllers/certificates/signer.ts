// The local CA signer (pkg/controller/certificates/authority): a CSR's subject, SANs and public
// key under the cluster CA, with the usages the CSR asks for (PermissiveSigningPolicy): KeyUsage
// (critical) and ExtKeyUsage in Go's enum order, CA:FALSE, the CA's key id as authority key id;
// valid from 5 minutes ago, until now + TTL (minus the backdate for TTLs of 8 h or more),
// never past the CA's own expiry.
import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import type { ParsedCSR } from './csr.js';
import {
  AuthorityKeyIdentifierExtension, BasicConstraintsExtension, ExtendedKeyUsageExtension, KeyUsageFlags, KeyUsagesExtension,
  SubjectAlternativeNameExtension, SubjectKeyIdentifierExtension, X509Certificate, X509CertificateGenerator,
  type Extension, type JsonGeneralName, type JsonName,
} from './x509.js';

export interface SigningCA {
  cert: X509Certificate;
  key: webcrypto.CryptoKey;
}

const BACKDATE_MS = 5 * 60_000;
const SHORT_MS = 8 * 3_600_000;

const KEY_USAGES: Record<string, number> = {
  'signing': KeyUsageFlags.digitalSignature, 'digital signature': KeyUsageFlags.digitalSignature,
  'content commitment': KeyUsageFlags.nonRepudiation, 'key encipherment': KeyUsageFlags.keyEncipherment,
  'key agreement': KeyUsageFlags.keyAgreement, 'data encipherment': KeyUsageFlags.dataEncipherment,
  'cert sign': KeyUsageFlags.keyCertSign, 'crl sign': KeyUsageFlags.cRLSign,
  'encipher only': KeyUsageFlags.encipherOnly, 'decipher only': KeyUsageFlags.decipherOnly,
};

/** Extended key usages in Go's x509.ExtKeyUsage order (the signer sorts by it). */
const EXT_KEY_USAGES: [string[], string][] = [
  [['any'], '2.5.29.37.0'], [['server auth'], '1.3.6.1.5.5.7.3.1'], [['client auth'], '1.3.6.1.5.5.7.3.2'],
  [['code signing'], '1.3.6.1.5.5.7.3.3'], [['email protection', 's/mime'], '1.3.6.1.5.5.7.3.4'],
  [['ipsec end system'], '1.3.6.1.5.5.7.3.5'], [['ipsec tunnel'], '1.3.6.1.5.5.7.3.6'], [['ipsec user'], '1.3.6.1.5.5.7.3.7'],
  [['timestamping'], '1.3.6.1.5.5.7.3.8'], [['ocsp signing'], '1.3.6.1.5.5.7.3.9'],
  [['microsoft sgc'], '1.3.6.1.4.1.311.10.3.3'], [['netscape sgc'], '2.16.840.1.113730.4.1'],
];

/** keyUsagesFromStrings. */
export function keyUsages(usages: string[]): { keyUsage: number; ekus: string[] } {
  let keyUsage = 0;
  const unknown: string[] = [];
  for (const u of usages) {
    if (u in KEY_USAGES) keyUsage |= KEY_USAGES[u]!;
    else if (!EXT_KEY_USAGES.some(([names]) => names.includes(u))) unknown.push(u);
  }
  if (unknown.length) throw new Error(`unrecognized usage values: [${unknown.map((u) => JSON.stringify(u)).join(' ')}]`);
  const ekus = EXT_KEY_USAGES.filter(([names]) => names.some((n) => usages.includes(n))).map(([, oid]) => oid);
  return { keyUsage, ekus };
}

/** Go's time.Time %v, as the signer's errors print it. */
const goTime = (ms: number): string => `${new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} +0000 UTC`;

/** NotBefore/NotAfter under PermissiveSigningPolicy. */
export function validity(ttlMs: number, now: number, caNotAfter: number): { notBefore: number; notAfter: number } {
  const notBefore = now - BACKDATE_MS;
  let notAfter = ttlMs < SHORT_MS ? now + ttlMs : now + ttlMs - BACKDATE_MS;
  if (notAfter >= caNotAfter) notAfter = caNotAfter;
  if (notBefore >= caNotAfter) throw new Error(`the signer has expired: NotAfter=${goTime(caNotAfter)}`);
  if (now >= caNotAfter) throw new Error(`refusing to sign a certificate that expired in the past: NotAfter=${goTime(caNotAfter)}`);
  return { notBefore, notAfter };
}

/** The CSR's subject as Go re-encodes a pkix.Name: C, ST, L, street, postalCode, O, OU, CN, serialNumber. */
function subjectOf(p: ParsedCSR): JsonName {
  const order = ['C', 'ST', 'L', '2.5.4.9', '2.5.4.17', 'O', 'OU', 'CN', '2.5.4.5'];
  const name: JsonName = [];
  for (const attr of order) {
    const values = p.request.subjectName.getField(attr);
    if (values.length) name.push({ [attr]: values });
  }
  return name;
}

function extensions(ca: SigningCA, p: ParsedCSR, usages: string[]): Extension[] {
  const { keyUsage, ekus } = keyUsages(usages);
  const exts: Extension[] = [];
  if (keyUsage) exts.push(new KeyUsagesExtension(keyUsage, true));
  if (ekus.length) exts.push(new ExtendedKeyUsageExtension(ekus));
  exts.push(new BasicConstraintsExtension(false, undefined, true));
  const caKeyId = ca.cert.getExtension(SubjectKeyIdentifierExtension)?.keyId;
  if (caKeyId) exts.push(new AuthorityKeyIdentifierExtension(caKeyId));
  const names: JsonGeneralName[] = [
    ...p.dnsNames.map((value): JsonGeneralName => ({ type: 'dns', value })),
    ...p.emails.map((value): JsonGeneralName => ({ type: 'email', value })),
    ...p.ips.map((value): JsonGeneralName => ({ type: 'ip', value })),
    ...p.uris.map((value): JsonGeneralName => ({ type: 'url', value })),
  ];
  if (names.length) exts.push(new SubjectAlternativeNameExtension(names));
  return exts;
}

function signingAlgorithm(key: webcrypto.CryptoKey): { name: string; hash: string } {
  const alg = key.algorithm as { name: string; namedCurve?: string };
  if (alg.name === 'ECDSA') return { name: 'ECDSA', hash: alg.namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256' };
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

/** A random positive 128-bit serial, as the signer draws it. */
function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) || 1;
  return b.toString('hex');
}

/** CertificateAuthority.Sign: the certificate as PEM. */
export async function signRequest(ca: SigningCA, p: ParsedCSR, usages: string[], ttlMs: number, now: number): Promise<string> {
  if (!(await p.request.verify(webcrypto))) throw new Error('unable to verify certificate request signature: x509: signature verification failure');
  const { notBefore, notAfter } = validity(ttlMs, now, ca.cert.notAfter.getTime());
  const cert = await X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: subjectOf(p),
    issuer: ca.cert.subjectName,
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
    publicKey: p.publicKey,
    signingKey: ca.key,
    signingAlgorithm: signingAlgorithm(ca.key),
    extensions: extensions(ca, p, usages),
  }, webcrypto);
  return `${cert.toString('pem').trimEnd()}\n`;
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384' };

/** Loads the CA's certificate and private key (EC P-256/P-384 or RSA; SEC1, PKCS#1 or PKCS#8). */
export async function loadSigningCA(certPem: string, keyPem: string): Promise<SigningCA> {
  const ko = createPrivateKey(keyPem);
  const curve = CURVES[ko.asymmetricKeyDetails?.namedCurve ?? ''];
  let algorithm: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
  if (ko.asymmetricKeyType === 'rsa') algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  else if (ko.asymmetricKeyType === 'ec' && curve) algorithm = { name: 'ECDSA', namedCurve: curve };
  else throw new Error(`unsupported private key type "${ko.asymmetricKeyType}"`);
  const key = await webcrypto.subtle.importKey('pkcs8', ko.export({ type: 'pkcs8', format: 'der' }), algorithm, false, ['sign']);
  return { cert: new X509Certificate(certPem), key };
}
