// What every request made with a RestConfig carries: its credentials and identity headers, and the
// TLS options for the apiserver's connection (the CA to trust, the client certificate).
import type { RestConfig } from './rest-config.js';

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
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
}

export function tlsOptions(c: RestConfig): TlsOptions {
  return { ...(c.ca ? { ca: c.ca } : {}), ...(c.cert ? { cert: c.cert } : {}), ...(c.key ? { key: c.key } : {}), rejectUnauthorized: !c.insecure };
}
