// What every request made with a RestConfig carries: its credentials and identity headers, and the
// TLS options for the apiserver's connection (the CA to trust, the client certificate).
import type { RestConfig } from './rest-config.js';
import { systemRoots } from './roots.js';
import { cheapDefaultStore } from './startup-env.js';
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

/** Authorization (bearer token or basic), User-Agent and the impersonation headers. */
export function authHeaders(c: RestConfig): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = {};
  if (c.token) h.Authorization = `Bearer ${c.token}`;
  else if (c.basic) h.Authorization = `Basic ${Buffer.from(`${c.basic.username}:${c.basic.password}`).toString('base64')}`;
  if (c.userAgent) h['User-Agent'] = c.userAgent;
  if (c.impersonate?.user) h['Impersonate-User'] = c.impersonate.user;
  if (c.impersonate?.groups?.length) h['Impersonate-Group'] = c.impersonate.groups;
  if (c.impersonate?.uid) h['Impersonate-Uid'] = c.impersonate.uid;
  return h;
}

export interface TlsOptions {
  ca?: string | string[];
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
  servername?: string;
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
}

/** With no CA of its own, a verifying client trusts the system's roots, as Go's does (roots.ts). */
export function tlsOptions(c: RestConfig): TlsOptions {
  cheapDefaultStore();
  const ca = c.ca || (c.insecure ? undefined : systemRoots());
  return { ...(ca ? { ca } : {}), ...(c.cert ? { cert: c.cert } : {}), ...(c.key ? { key: c.key } : {}), rejectUnauthorized: !c.insecure, ...serverName(c.serverName) };
}

/**
 * tls-server-name: the name verified instead of the URL's host, and sent as SNI unless it is an IP
 * address (Go sends none then; Node would warn).
 */
function serverName(name: string | undefined): Pick<TlsOptions, 'servername' | 'checkServerIdentity'> {
  if (!name) return {};
  return { ...(isIP(name) ? {} : { servername: name }), checkServerIdentity: (_host, cert) => checkServerIdentity(name, cert) };
}
