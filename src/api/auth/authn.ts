// Who is asking: a client certificate signed by the cluster CA (CN = user, O = groups), a service
// account bearer token, or nobody (system:anonymous, as kubeadm's --anonymous-auth=true).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { UserInfo } from '../types.js';
import type { TokenIssuer } from './tokens.js';

export const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

export type AuthResult = { user: UserInfo } | { unauthorized: true };

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function withAuthenticated(name: string, groups: string[]): UserInfo {
  return { name, groups: groups.includes('system:authenticated') ? groups : [...groups, 'system:authenticated'] };
}

export interface SaLookup {
  /** The service account's uid, or undefined when it does not exist (any more). */
  serviceAccountUid(namespace: string, name: string): Promise<string | undefined>;
}

export async function authenticate(req: IncomingMessage, tokens: TokenIssuer, sas: SaLookup, now: number): Promise<AuthResult> {
  // Upstream's union authenticator tries the client certificate first, then bearer tokens.
  const sock = req.socket as TLSSocket;
  const cert = sock.authorized ? sock.getPeerCertificate() : undefined;
  const cn = cert?.subject?.CN;
  if (cert && cn) return { user: withAuthenticated(Array.isArray(cn) ? cn[0]! : cn, asList(cert.subject.O)) };
  const auth = req.headers.authorization;
  if (auth && /^bearer /i.test(auth)) {
    const v = await tokens.verify(auth.slice(7).trim(), now);
    if (!v) return { unauthorized: true };
    const uid = await sas.serviceAccountUid(v.namespace, v.name);
    if (!uid || (v.uid && uid !== v.uid)) return { unauthorized: true };
    const extra = v.jti ? { 'authentication.kubernetes.io/credential-id': [`JTI=${v.jti}`] } : undefined;
    return { user: { ...withAuthenticated(`system:serviceaccount:${v.namespace}:${v.name}`, ['system:serviceaccounts', `system:serviceaccounts:${v.namespace}`]), uid, ...(extra ? { extra } : {}) } };
  }
  if (!sock.authorized && sock.getPeerCertificate?.()?.subject) return { unauthorized: true };
  return { user: ANONYMOUS };
}
