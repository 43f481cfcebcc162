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

/**
 * What the connection's client certificate says, worked out once per connection (the apiserver
 * refuses renegotiation, so it cannot change): the user, "bad" for a certificate the CA did not
 * sign, or "none".
 */
const byConnection = new WeakMap<TLSSocket, UserInfo | 'bad' | 'none'>();

function certificateUser(sock: TLSSocket): UserInfo | 'bad' | 'none' {
  let who = byConnection.get(sock);
  if (who === undefined) {
    const cert = typeof sock.getPeerCertificate === 'function' ? sock.getPeerCertificate() : undefined;
    const cn = cert?.subject?.CN;
    if (sock.authorized && cert && cn) who = withAuthenticated(Array.isArray(cn) ? cn[0]! : cn, asList(cert.subject.O));
    else who = !sock.authorized && cert?.subject ? 'bad' : 'none';
    byConnection.set(sock, who);
  }
  return who;
}

export async function authenticate(req: IncomingMessage, tokens: TokenIssuer, sas: SaLookup, now: number): Promise<AuthResult> {
  // Upstream's union authenticator tries the client certificate first, then bearer tokens.
  const who = certificateUser(req.socket as TLSSocket);
  if (typeof who === 'object') return { user: { ...who, groups: [...who.groups] } };
  const auth = req.headers.authorization;
  if (auth && /^bearer /i.test(auth)) {
    const v = await tokens.verify(auth.slice(7).trim(), now);
    if (!v) return { unauthorized: true };
    const uid = await sas.serviceAccountUid(v.namespace, v.name);
    if (!uid || (v.uid && uid !== v.uid)) return { unauthorized: true };
    const extra = v.jti ? { 'authentication.kubernetes.io/credential-id': [`JTI=${v.jti}`] } : undefined;
    return { user: { ...withAuthenticated(`system:serviceaccount:${v.namespace}:${v.name}`, ['system:serviceaccounts', `system:serviceaccounts:${v.namespace}`]), uid, ...(extra ? { extra } : {}) } };
  }
  if (who === 'bad') return { unauthorized: true };
  return { user: ANONYMOUS };
}
