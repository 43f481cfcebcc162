// Key pairs of the cluster PKI, and their PEM forms as kubeadm writes them (keyutil):
// EC keys as SEC1 "EC PRIVATE KEY", RSA keys as PKCS#1 "RSA PRIVATE KEY", public keys as
// PKIX "PUBLIC KEY".
//
// Algorithm: ECDSA P-256 everywhere (sa.key included), i.e. kubeadm's
// `encryptionAlgorithm: ECDSA-P256`, not its RSA-2048 default. Measured on the 2-core build
// machine with node:crypto generateKeyPair (async, all in parallel) for the 18 keys of a
// three-node cluster: RSA 2048 took 1750–1850 ms (80–200 ms for a single key), P-256 took 1–2 ms.
// `kubedojo up` on a fresh home has a 1 s budget, so RSA is out. Keys found on disk may be RSA
// or EC (a CA brought from a real cluster); both load and sign.
import { KeyObject, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';

export type CryptoKey = webcrypto.CryptoKey;

export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** The algorithm a certificate is signed with when this key signs it (Go's defaults). */
export type SigningAlgorithm =
  | { name: 'ECDSA'; hash: 'SHA-256' | 'SHA-384' }
  | { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' };

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const RSA_IMPORT = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384' };

/** A fresh ECDSA P-256 key pair, extractable so it can be written out. */
export async function generateKeyPair(): Promise<KeyPair> {
  return webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
}

/** The private key as kubeadm writes it: SEC1 for EC, PKCS#1 for RSA. */
export function privateKeyPem(key: CryptoKey): string {
  const ko = KeyObject.from(key);
  const type = ko.asymmetricKeyType === 'rsa' ? 'pkcs1' : 'sec1';
  return ko.export({ type, format: 'pem' }).toString();
}

/** The public key as a PKIX "PUBLIC KEY" PEM block (sa.pub). */
export function publicKeyPem(key: CryptoKey): string {
  const ko = KeyObject.from(key);
  const pub = ko.type === 'private' ? createPublicKey(ko) : ko;
  return pub.export({ type: 'spki', format: 'pem' }).toString();
}

/** Loads a PEM private key (SEC1, PKCS#1 or PKCS#8; EC P-256/P-384 or RSA) for signing. */
export async function importPrivateKeyPem(pem: string): Promise<KeyPair> {
  const ko = createPrivateKey(pem);
  const algorithm = importAlgorithm(ko);
  const pkcs8 = ko.export({ type: 'pkcs8', format: 'der' });
  const spki = createPublicKey(ko).export({ type: 'spki', format: 'der' });
  const subtle = webcrypto.subtle;
  const [privateKey, publicKey] = await Promise.all([
    subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']),
    subtle.importKey('spki', spki, algorithm, true, ['verify']),
  ]);
  return { privateKey, publicKey };
}

function importAlgorithm(ko: KeyObject): webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams {
  if (ko.asymmetricKeyType === 'rsa') return RSA_IMPORT;
  const curve = CURVES[ko.asymmetricKeyDetails?.namedCurve ?? ''];
  if (ko.asymmetricKeyType === 'ec' && curve) return { name: 'ECDSA', namedCurve: curve };
  const kind = ko.asymmetricKeyType === 'ec' ? `ec ${ko.asymmetricKeyDetails?.namedCurve}` : ko.asymmetricKeyType;
  throw new Error(`unsupported private key type "${kind}": use RSA or ECDSA P-256`);
}

/** ecdsa-with-SHA256 for P-256, ecdsa-with-SHA384 for P-384, sha256WithRSAEncryption for RSA. */
export function signingAlgorithm(key: CryptoKey): SigningAlgorithm {
  const alg = key.algorithm as { name: string; namedCurve?: string };
  if (alg.name === 'ECDSA') return { name: 'ECDSA', hash: alg.namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256' };
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}
