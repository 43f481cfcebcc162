// client-go's clientcmd: the kubeconfig files in use ($KUBECONFIG's list merged, or
// ~/.kube/config, or --kubeconfig alone), then the command-line overrides on top, giving the
// server, credentials and namespace a command uses — with clientcmd's error texts.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import {
  emptyKubeconfig, parseKubeconfig, type ClusterInfo, type ContextInfo, type Kubeconfig, type UserInfo,
} from './kubeconfig.js';
import type { RestConfig } from './rest-config.js';

export interface ConfigOverrides {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  username?: string;
  password?: string;
  /** --as, --as-group, --as-uid: the auth info's impersonation (validated by ConfirmUsable) */
  impersonate?: { user?: string; groups?: string[]; uid?: string };
}

/** A clientcmd error printed as `error: <msg>` (or with its own prefix when `configuration`). */
export class ConfigError extends Error {
  constructor(message: string, readonly configuration = false) {
    super(message);
  }
}

export interface LoadedConfig {
  config: Kubeconfig;
  /** the files read, in precedence order (the first is where `kubectl config` writes) */
  files: string[];
  /** the files that existed and were read, in that order (client-go logs each at -v=6) */
  loaded: string[];
}

/** The kubeconfig files clientcmd reads, in precedence order. */
export function kubeconfigPaths(env: Record<string, string | undefined>, explicit?: string): string[] {
  if (explicit) return [explicit];
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
  if (list.length > 0) return [...new Set(list)];
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

async function readOne(path: string, cwd: string, mustExist: boolean): Promise<Kubeconfig | undefined> {
  const full = isAbsolute(path) ? path : join(cwd, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (mustExist) throw new ConfigError(`stat ${path}: no such file or directory`);
    return undefined;
  }
  return resolvePaths(parseKubeconfig(text, path), dirname(full));
}

/** Relative certificate/key paths in a file are relative to that file's folder. */
function resolvePaths(cfg: Kubeconfig, base: string): Kubeconfig {
  const fix = (p: unknown): unknown => (typeof p === 'string' && p !== '' && !isAbsolute(p) ? join(base, p) : p);
  const clusters = cfg.clusters.map((c) => ({ ...c, cluster: { ...c.cluster, 'certificate-authority': fix(c.cluster['certificate-authority']) } }));
  const users = cfg.users.map((u) => ({
    ...u, user: { ...u.user, 'client-certificate': fix(u.user['client-certificate']), 'client-key': fix(u.user['client-key']), tokenFile: fix(u.user.tokenFile) },
  }));
  return { ...cfg, clusters: clusters as Kubeconfig['clusters'], users: users as Kubeconfig['users'] };
}

function mergeNamed<T extends { name: string }>(into: T[], more: T[]): T[] {
  const names = new Set(into.map((x) => x.name));
  return [...into, ...more.filter((x) => !names.has(x.name))];
}

/** Reads and merges the files: the first file to set a name or the current context wins. */
export async function loadKubeconfig(env: Record<string, string | undefined>, cwd: string, explicit?: string): Promise<LoadedConfig> {
  const files = kubeconfigPaths(env, explicit);
  let merged = emptyKubeconfig();
  const loaded: string[] = [];
  for (const file of files) {
    const cfg = await readOne(file, cwd, explicit !== undefined && explicit !== '');
    if (!cfg) continue;
    loaded.push(file);
    merged = {
      ...cfg, ...merged,
      clusters: mergeNamed(merged.clusters, cfg.clusters),
      contexts: mergeNamed(merged.contexts, cfg.contexts),
      users: mergeNamed(merged.users, cfg.users),
      'current-context': merged['current-context'] || cfg['current-context'],
      preferences: merged.preferences,
    };
  }
  return { config: merged, files, loaded };
}

export interface ResolvedClient {
  rest: RestConfig;
  /** the namespace commands default to, and whether -n (or the context) chose it */
  namespace: string;
  namespaceExplicit: boolean;
  contextName: string;
  /** the context named is not in the config (see contextError) */
  contextMissing: boolean;
  /** the auth info's name (--user, else the context's) */
  userName: string;
}

function pick(cfg: Kubeconfig, o: ConfigOverrides): { ctxName: string; ctx: Partial<ContextInfo>; missing: boolean } {
  const ctxName = o.context || cfg['current-context'];
  const ctx = cfg.contexts.find((c) => c.name === ctxName)?.context;
  return { ctxName, ctx: ctx ?? {}, missing: ctxName !== '' && ctxName !== undefined && !ctx };
}

/**
 * ConfirmUsable's errors, which Namespace() returns unless -n was given: a context named (by
 * --context or current-context) that the config lacks, and impersonation of groups or a uid
 * without a user. ClientConfig() first tells a --context it cannot find in its own words. Alone,
 * the impersonation error prints as `error: …`; with the context's, as a list.
 */
export function contextError(r: ResolvedClient, o: ConfigOverrides, forClient: boolean): Error | undefined {
  if (r.contextMissing && forClient && o.context) return new Error(`context ${JSON.stringify(r.contextName)} does not exist`);
  const imp = o.impersonate;
  const impersonation = imp && !imp.user && (imp.uid || (imp.groups ?? []).length > 0)
    ? `requesting uid, groups or user-extra for ${r.userName} without impersonating a user`
    : undefined;
  if (!r.contextMissing) return impersonation === undefined ? undefined : new ConfigError(impersonation);
  const missing = `context was not found for specified context: ${r.contextName}`;
  if (impersonation === undefined) return new ConfigError(missing, true);
  return new ConfigError(`\n* ${missing}\n* ${impersonation}`, true);
}

async function dataOrFile(data: unknown, file: unknown): Promise<string | undefined> {
  if (typeof data === 'string' && data) return Buffer.from(data, 'base64').toString('utf8');
  if (typeof file === 'string' && file) return readFile(file, 'utf8');
  return undefined;
}

function clusterOf(cfg: Kubeconfig, name: string, o: ConfigOverrides): ClusterInfo {
  const found = cfg.clusters.find((c) => c.name === name)?.cluster;
  if (!found && o.cluster && !o.server) throw new ConfigError(`no server found for cluster "${o.cluster}"`);
  return { ...(found ?? { server: '' }) };
}

function userOf(cfg: Kubeconfig, name: string, o: ConfigOverrides): UserInfo {
  const found = cfg.users.find((u) => u.name === name)?.user;
  if (!found && o.user) throw new ConfigError(`auth info "${o.user}" does not exist`);
  return { ...(found ?? {}) };
}

/** The server, TLS material, credentials and namespace for the overrides on this config. */
export async function resolveClient(cfg: Kubeconfig, o: ConfigOverrides): Promise<ResolvedClient> {
  const { ctxName, ctx, missing } = pick(cfg, o);
  const cluster = clusterOf(cfg, o.cluster || ctx.cluster || '', o);
  const user = userOf(cfg, o.user || ctx.user || '', o);
  const server = o.server || cluster.server || 'http://localhost:8080';
  const rest: RestConfig = { server: /^[a-z]+:\/\//i.test(server) ? server : `https://${server}` };
  const ca = o.certificateAuthority
    ? await readFile(o.certificateAuthority, 'utf8')
    : await dataOrFile(cluster['certificate-authority-data'], cluster['certificate-authority']);
  const cert = o.clientCertificate ? await readFile(o.clientCertificate, 'utf8') : await dataOrFile(user['client-certificate-data'], user['client-certificate']);
  const key = o.clientKey ? await readFile(o.clientKey, 'utf8') : await dataOrFile(user['client-key-data'], user['client-key']);
  if (ca && !o.insecureSkipTlsVerify) rest.ca = ca;
  if (cert) rest.cert = cert;
  if (key) rest.key = key;
  const token = o.token || user.token || (typeof user.tokenFile === 'string' ? (await readFile(user.tokenFile, 'utf8')).trim() : '');
  if (token) rest.token = token;
  if (o.insecureSkipTlsVerify ?? cluster['insecure-skip-tls-verify']) rest.insecure = true;
  const serverName = o.tlsServerName || cluster['tls-server-name'];
  if (serverName) rest.serverName = serverName;
  const username = o.username || (user.username as string | undefined);
  const password = o.password || (user.password as string | undefined);
  if (username) rest.basic = { username, password: password ?? '' };
  const namespace = o.namespace || ctx.namespace || 'default';
  return { rest, namespace, namespaceExplicit: Boolean(o.namespace || ctx.namespace), contextName: ctxName, contextMissing: missing, userName: o.user || ctx.user || '' };
}
