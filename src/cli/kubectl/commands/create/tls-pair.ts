// crypto/tls.X509KeyPair's checks, with Go's error texts: PEM blocks found, the first
// CERTIFICATE parsed, the private key parsed (PKCS#1, PKCS#8 or SEC 1) and matching the
// certificate's public key.
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

interface PemBlock {
  type: string;
  der: Buffer;
}

function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(/-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g)) {
    const body = m[2]!.split(/\r?\n/).filter((l) => !l.includes(':')).join('');
    if (/^[A-Za-z0-9+/=\s]*$/.test(body)) out.push({ type: m[1]!, der: Buffer.from(body, 'base64') });
  }
  return out;
}

const list = (types: string[]): string => `[${types.join(' ')}]`;

function certificateDer(certPem: string): Buffer {
  const blocks = pemBlocks(certPem);
  const cert = blocks.find((b) => b.type === 'CERTIFICATE');
  if (cert) return cert.der;
  const skipped = blocks.map((b) => b.type);
  if (skipped.length === 0) throw new Error('tls: failed to find any PEM data in certificate input');
  if (skipped.length === 1 && skipped[0]!.endsWith('PRIVATE KEY')) {
    throw new Error('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
  }
  throw new Error(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${list(skipped)}`);
}

function keyDer(keyPem: string): Buffer {
  const skipped: string[] = [];
  for (const b of pemBlocks(keyPem)) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) return b.der;
    skipped.push(b.type);
  }
  if (skipped.length === 0) throw new Error('tls: failed to find any PEM data in key input');
  if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new Error('tls: found a certificate rather than a key in the PEM for the private key');
  throw new Error(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${list(skipped)}`);
}

function privateKey(der: Buffer): KeyObject {
  for (const type of ['pkcs1', 'pkcs8', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      // try the next encoding, as tls.parsePrivateKey does
    }
  }
  throw new Error('tls: failed to parse private key');
}

/** Throws what tls.X509KeyPair returns for a pair it rejects. */
export function checkKeyPair(certPem: Buffer, keyPem: Buffer): void {
  const certBytes = certificateDer(certPem.toString('latin1'));
  const keyBytes = keyDer(keyPem.toString('latin1'));
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certBytes);
  } catch {
    throw new Error('x509: malformed certificate');
  }
  const priv = privateKey(keyBytes);
  const pub = cert.publicKey;
  if (!['rsa', 'ec', 'ed25519'].includes(pub.asymmetricKeyType ?? '')) throw new Error('tls: unknown public key algorithm');
  if (priv.asymmetricKeyType !== pub.asymmetricKeyType) throw new Error('tls: private key type does not match public key type');
  const derived = createPublicKey(priv).export({ format: 'der', type: 'spki' });
  if (!derived.equals(pub.export({ format: 'der', type: 'spki' }))) throw new Error('tls: private key does not match public key');
}
