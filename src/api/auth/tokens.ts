// Service account tokens: JWTs signed with the cluster's sa.key, with the claims kube-apiserver
// puts in them, verified with sa.pub.
import { SignJWT, jwtVerify, importPKCS8, importSPKI, decodeProtectedHeader } from 'jose';

type Key = Awaited<ReturnType<typeof importSPKI>>;
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

export interface TokenClaims {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  pod?: { name: string; uid: string };
  audiences: string[];
  expirationSeconds: number;
}

export interface VerifiedToken {
  namespace: string;
  name: string;
  uid: string;
  expiresAt: number;
  /** The token's jti: the user's credential id (`JTI=<jti>`). */
  jti: string;
}

function algOf(pem: string): 'RS256' | 'ES256' {
  const key = pem.includes('PUBLIC') ? createPublicKey(pem) : createPrivateKey(pem);
  return key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
}

export class TokenIssuer {
  private constructor(private readonly priv: Key, private readonly pub: Key, private readonly alg: string, private readonly kid: string) {}

  static async load(privatePem: string, publicPem: string): Promise<TokenIssuer> {
    const alg = algOf(publicPem);
    const pkcs8 = createPrivateKey(privatePem).export({ type: 'pkcs8', format: 'pem' }).toString();
    // The key id upstream derives: base64url (unpadded) of the SHA-256 of the public key's DER.
    const kid = createHash('sha256').update(createPublicKey(publicPem).export({ type: 'spki', format: 'der' })).digest('base64url');
    return new TokenIssuer(await importPKCS8(pkcs8, alg), await importSPKI(publicPem, alg), alg, kid);
  }

  async issue(c: TokenClaims, nowMs: number): Promise<{ token: string; expiresAt: number }> {
    const iat = Math.floor(nowMs / 1000);
    const exp = iat + c.expirationSeconds;
    const k8s: Record<string, unknown> = { namespace: c.namespace, serviceaccount: c.serviceAccount };
    if (c.pod) k8s.pod = c.pod;
    const token = await new SignJWT({ 'kubernetes.io': k8s })
      .setProtectedHeader({ alg: this.alg, kid: this.kid })
      .setIssuer(ISSUER)
      .setSubject(`system:serviceaccount:${c.namespace}:${c.serviceAccount.name}`)
      .setAudience(c.audiences)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(globalThis.crypto.randomUUID())
      .sign(this.priv);
    return { token, expiresAt: exp * 1000 };
  }

  /** undefined for anything that is not a valid token of ours. */
  async verify(token: string, nowMs: number): Promise<VerifiedToken | undefined> {
    try {
      decodeProtectedHeader(token);
      const { payload } = await jwtVerify(token, this.pub, { issuer: ISSUER, currentDate: new Date(nowMs) });
      const k8s = payload['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
      if (!k8s?.namespace || !k8s.serviceaccount?.name) return undefined;
      return { namespace: k8s.namespace, name: k8s.serviceaccount.name, uid: k8s.serviceaccount.uid ?? '', expiresAt: (payload.exp ?? 0) * 1000, jti: payload.jti ?? '' };
    } catch {
      return undefined;
    }
  }
}
