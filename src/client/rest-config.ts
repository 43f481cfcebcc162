// How to reach and authenticate to an apiserver: its URL, the CA to trust, and a client
// certificate or a bearer token — read from a kubeconfig as client-go's clientcmd does.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { currentContext, parseKubeconfig } from './kubeconfig.js';
import type { RequestTrace } from './request-trace.js';

export interface RestConfig {
  server: string;
  ca?: string;
  cert?: string;
  key?: string;
  token?: string;
  insecure?: boolean;
  /** the name the server's certificate is verified against (and sent as SNI) instead of the URL's host */
  serverName?: string;
  userAgent?: string;
  basic?: { username: string; password: string };
  /** Impersonate-User / Impersonate-Group / Impersonate-Uid (kubectl --as, --as-group, --as-uid) */
  impersonate?: { user?: string; groups?: string[]; uid?: string };
  /**
   * kubectl --request-timeout (client-go's Config.Timeout): sent as ?timeout=<text> on every
   * request and enforced by the client until the response is read.
   */
  timeout?: { ms: number; text: string };
  /** called with the text of each `Warning: 299 - "…"` header the server sends */
  onWarning?: (text: string) => void;
  /** told about each request and its response (kubectl's -v request logging) */
  trace?: RequestTrace;
}

async function dataOrFile(data: unknown, file: unknown, base: string): Promise<string | undefined> {
  if (typeof data === 'string' && data) return Buffer.from(data, 'base64').toString('utf8');
  if (typeof file === 'string' && file) return readFile(isAbsolute(file) ? file : join(base, file), 'utf8');
  return undefined;
}

/** The current context of the kubeconfig at path, as a RestConfig. */
export async function restConfigFromKubeconfig(path: string, context?: string): Promise<RestConfig> {
  const cfg = parseKubeconfig(await readFile(path, 'utf8'), path);
  const cur = currentContext(cfg, context);
  if (!cur) throw new Error(`${path}: no usable current context`);
  const cluster = cfg.clusters.find((c) => c.name === cur.cluster)?.cluster;
  const user = cfg.users.find((u) => u.name === cur.user)?.user ?? {};
  const base = dirname(path);
  const rc: RestConfig = { server: cur.server };
  const ca = await dataOrFile(cluster?.['certificate-authority-data'], cluster?.['certificate-authority'], base);
  const cert = await dataOrFile(user['client-certificate-data'], user['client-certificate'], base);
  const key = await dataOrFile(user['client-key-data'], user['client-key'], base);
  if (ca) rc.ca = ca;
  if (cert) rc.cert = cert;
  if (key) rc.key = key;
  if (user.token) rc.token = user.token;
  if (cluster?.['insecure-skip-tls-verify']) rc.insecure = true;
  return rc;
}
