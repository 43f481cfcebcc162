// X.509 certificates shaped as kubeadm's Go code makes them (client-go certutil and kubeadm
// pkiutil on crypto/x509): CAs self-signed with KeyUsage digitalSignature+keyEncipherment+
// keyCertSign, a SubjectKeyIdentifier and SAN DNS:<CN>, backdated 5 minutes, valid 10 years;
// leaf certificates with KeyUsage digitalSignature+keyEncipherment, the ExtKeyUsages asked for,
// CA:FALSE, the CA's key id as AuthorityKeyIdentifier, valid from the CA's notBefore for 1 year.
// Extensions come in Go's order: KU, EKU, BC, SKI, AKI, SAN.
import { randomBytes, webcrypto } from 'node:crypto';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type Extension,
  type JsonGeneralName,
  type JsonName,
  KeyUsageFlags,
  KeyUsagesExtension,
  PublicKey,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
} from './x509.js';
import { signingAlgorithm, type CryptoKey, type KeyPair } from './keys.js';

/** kubeadm constants: CertificateBackdate, CACertificateValidityPeriod, CertificateValidityPeriod. */
export const CERTIFICATE_BACKDATE_MS = 5 * 60 * 1000;
export const CA_VALIDITY_DAYS = 3650;
export const CERT_VALIDITY_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CertificateAuthority {
  cert: X509Certificate;
  key: CryptoKey;
}

export type ExtKeyUsageName = 'serverAuth' | 'clientAuth';

export interface AltNames {
  dnsNames: string[];
  ips: string[];
}

export interface CertSpec {
  commonName: string;
  organizations?: string[];
  usages: ExtKeyUsageName[];
  altNames?: AltNames;
  /** Validity from now; kubeadm's one year when absent. */
  days?: number;
  /** Start of validity; the CA's own notBefore when absent, as kubeadm does. */
  notBefore?: Date;
}

/** What a certificate can be issued for: a WebCrypto public key or a parsed one (from a CSR). */
export type PublicKeyInput = CryptoKey | PublicKey;

export async function createCaCertificate(commonName: string, keys: KeyPair, now = new Date()): Promise<X509Certificate> {
  const ski = await SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto);
  return X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: subjectName(commonName, []),
    notBefore: new Date(now.getTime() - CERTIFICATE_BACKDATE_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    keys,
    signingAlgorithm: signingAlgorithm(keys.privateKey),
    extensions: [
      new KeyUsagesExtension(CA_KEY_USAGE, true),
      new BasicConstraintsExtension(true, undefined, true),
      ski,
      new SubjectAlternativeNameExtension([{ type: 'dns', value: commonName }]),
    ],
  }, webcrypto);
}

export async function signCertificate(
  ca: CertificateAuthority, spec: CertSpec, publicKey: PublicKeyInput, now = new Date(),
): Promise<X509Certificate> {
  return X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: subjectName(spec.commonName, spec.organizations ?? []),
    issuer: ca.cert.subjectName,
    notBefore: spec.notBefore ?? ca.cert.notBefore,
    notAfter: new Date(now.getTime() + (spec.days ?? CERT_VALIDITY_DAYS) * DAY_MS),
    publicKey,
    signingKey: ca.key,
    signingAlgorithm: signingAlgorithm(ca.key),
    extensions: leafExtensions(ca, spec),
  }, webcrypto);
}

/** PEM with the trailing newline Go's pem.Encode writes. */
export function certificatePem(cert: X509Certificate): string {
  return `${cert.toString('pem').trimEnd()}\n`;
}

export function parseCertificatePem(pem: string): X509Certificate {
  return new X509Certificate(pem);
}

const CA_KEY_USAGE = KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment | KeyUsageFlags.keyCertSign;
const LEAF_KEY_USAGE = KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment;
const EKU_OIDS: Record<ExtKeyUsageName, string> = {
  serverAuth: ExtendedKeyUsage.serverAuth,
  clientAuth: ExtendedKeyUsage.clientAuth,
};

function leafExtensions(ca: CertificateAuthority, spec: CertSpec): Extension[] {
  const exts: Extension[] = [new KeyUsagesExtension(LEAF_KEY_USAGE, true)];
  if (spec.usages.length > 0) exts.push(new ExtendedKeyUsageExtension(spec.usages.map((u) => EKU_OIDS[u])));
  exts.push(new BasicConstraintsExtension(false, undefined, true));
  const caKeyId = ca.cert.getExtension(SubjectKeyIdentifierExtension)?.keyId;
  if (caKeyId) exts.push(new AuthorityKeyIdentifierExtension(caKeyId));
  const names = generalNames(spec.altNames);
  if (names.length > 0) exts.push(new SubjectAlternativeNameExtension(names));
  return exts;
}

/** kubeadm's RemoveDuplicateAltNames: DNS names deduplicated and sorted, IPs deduplicated in order. */
function generalNames(alt: AltNames | undefined): JsonGeneralName[] {
  if (!alt) return [];
  const dns = [...new Set(alt.dnsNames)].sort();
  const ips = [...new Set(alt.ips)];
  return [
    ...dns.map((value): JsonGeneralName => ({ type: 'dns', value })),
    ...ips.map((value): JsonGeneralName => ({ type: 'ip', value })),
  ];
}

/** Go's pkix.Name order: O before CN, all organizations in one RDN. */
function subjectName(commonName: string, organizations: string[]): JsonName {
  const name: JsonName = [];
  if (organizations.length > 0) name.push({ O: organizations });
  name.push({ CN: [commonName] });
  return name;
}

/** A random serial in [1, 2^63) as Go's kubeadm draws it, hex without a leading zero byte. */
function randomSerial(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0]! % 0x7f) + 1;
  return bytes.toString('hex');
}
