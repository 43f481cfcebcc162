// client-go's clientcmd: the kubeconfig files in use ($KUBECONFIG's list merged, or
// ~/.kube/config, or --kubeconfig alone), then the command-line overrides on top, giving the
// server, credentials and namespace a command uses — with clientcmd's error texts.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import {
  emptyKubeconfig, parseKubeconfig, type ClusterInfo, type ContextInfo, type Kubeconfig, type KubeconfigCheck, type UserInfo,
} from './kubeconfig.js';
import type { RestConfig } from './rest-config.js';
import { AggregateError } from './types.js';
import { goErrnoText } from './go-errno.js';

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
  constructor(
    message: string,
    readonly configuration = false,
    /** ConfirmUsable's errors, one per line of the list (errConfigurationInvalid's). */
    readonly errors: readonly string[] = [message],
  ) {
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

async function readOne(path: string, cwd: string, mustExist: boolean, check?: KubeconfigCheck): Promise<Kubeconfig | undefined> {
  const full = isAbsolute(path) ? path : join(cwd, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (mustExist) throw new ConfigError(`stat ${path}: no such file or directory`);
    return undefined;
  }
  return resolvePaths(parseKubeconfig(text, path, check), dirname(full));
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

/**
 * Reads and merges the files: the first file to set a name or the current context wins. check, when
 * given, refuses a file as clientcmd.Load would.
 */
export async function loadKubeconfig(env: Record<string, string | undefined>, cwd: string, explicit?: string, check?: KubeconfigCheck): Promise<LoadedConfig> {
  const files = kubeconfigPaths(env, explicit);
  let merged = emptyKubeconfig();
  const loaded: string[] = [];
  const errors: Error[] = [];
  for (const file of files) {
    let cfg: Kubeconfig | undefined;
    try {
      cfg = await readOne(file, cwd, explicit !== undefined && explicit !== '', check);
    } catch (err) {
      errors.push(err as Error);
      continue;
    }
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
  if (errors.length === 1) throw errors[0]!;
  // clientcmd reads every file of the list, then reports each one it could not read
  if (errors.length > 1) throw new AggregateError(errors);
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
  /** validateAuthInfo's and validateClusterInfo's errors, in their order (see contextError) */
  invalid: string[];
  /** a TLS file that validation opened but the transport cannot read (a directory) */
  readError?: string;
  /** canIdentifyUser: a user name, client certificate, token, exec plugin or auth provider */
  identifiesUser: boolean;
}

function pick(cfg: Kubeconfig, o: ConfigOverrides): { ctxName: string; ctx: Partial<ContextInfo>; missing: boolean } {
  const ctxName = o.context || cfg['current-context'];
  const ctx = cfg.contexts.find((c) => c.name === ctxName)?.context;
  return { ctxName, ctx: ctx ?? {}, missing: ctxName !== '' && ctxName !== undefined && !ctx };
}

/**
 * ConfirmUsable's errors, which Namespace() returns unless -n was given: a context named (by
 * --context or current-context) that the config lacks, then validateAuthInfo's and
 * validateClusterInfo's (r.invalid). ClientConfig() first tells a --context it cannot find in its
 * own words. One error is returned as it is (only a missing context prints as a configuration
 * error); several are listed under "Error in configuration".
 */
export function contextError(r: ResolvedClient, o: ConfigOverrides, forClient: boolean): Error | undefined {
  if (r.contextMissing && forClient && o.context) return new Error(`context ${JSON.stringify(r.contextName)} does not exist`);
  const errs = [...(r.contextMissing ? [`context was not found for specified context: ${r.contextName}`] : []), ...r.invalid];
  if (errs.length === 0) return forClient && r.readError ? new Error(r.readError) : undefined;
  if (errs.length === 1) return new ConfigError(errs[0]!, r.contextMissing);
  return new ConfigError(`\n${errs.map((e) => `* ${e}`).join('\n')}`, true, errs);
}

/** os.Open's error as Go words it. */
function openError(path: string, err: NodeJS.ErrnoException): string {
  return `open ${path}: ${goErrnoText(err)}`;
}

/** A file validateAuthInfo or validateClusterInfo opens: its text, or the error it records. */
async function readChecked(path: string, what: string, owner: string, invalid: string[], late: string[]): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    // os.Open opens a directory: reading it fails later, when the transport loads it
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') return late.push(`read ${path}: is a directory`), undefined;
    invalid.push(`unable to read ${what} ${path} for ${owner} due to ${openError(path, err as NodeJS.ErrnoException)}`);
    return undefined;
  }
}

const fromBase64 = (data: unknown): string | undefined => (typeof data === 'string' && data ? Buffer.from(data, 'base64').toString('utf8') : undefined);
const nonEmpty = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The CA, client certificate and key, with validateClusterInfo's and validateAuthInfo's file errors. */
async function tlsMaterial(cluster: ClusterInfo, user: UserInfo, o: ConfigOverrides, names: { cluster: string; user: string }, invalid: string[], late: string[]): Promise<{ ca?: string; cert?: string; key?: string }> {
  const authInvalid: string[] = [];
  const certFile = o.clientCertificate || nonEmpty(user['client-certificate']);
  const keyFile = o.clientKey || nonEmpty(user['client-key']);
  const certData = fromBase64(user['client-certificate-data']);
  const keyData = fromBase64(user['client-key-data']);
  let cert = certData;
  let key = keyData;
  if (certFile || certData) {
    if (certFile && certData) authInvalid.push(`client-cert-data and client-cert are both specified for ${names.user}. client-cert-data will override.`);
    if (keyFile && keyData) authInvalid.push(`client-key-data and client-key are both specified for ${names.user}; client-key-data will override`);
    if (!keyFile && !keyData) authInvalid.push(`client-key-data or client-key must be specified for ${names.user} to use the clientCert authentication method.`);
    if (certFile) {
      const text = await readChecked(certFile, 'client-cert', names.user, authInvalid, late);
      cert ??= text;
    }
    if (keyFile) {
      const text = await readChecked(keyFile, 'client-key', names.user, authInvalid, late);
      key ??= text;
    }
  }
  const methods = [...(o.token || user.token ? ['token'] : []), ...(o.username || o.password || user.username || user.password ? ['basicAuth'] : [])];
  if (methods.length > 1) authInvalid.push(`more than one authentication method found for ${names.user}; found [${methods.join(' ')}], only one is allowed`);
  const imp = o.impersonate;
  if (imp && !imp.user && (imp.uid || (imp.groups ?? []).length > 0)) authInvalid.push(`requesting uid, groups or user-extra for ${names.user} without impersonating a user`);
  // an override's CA file replaces the cluster's CA data
  const caFile = o.certificateAuthority || nonEmpty(cluster['certificate-authority']);
  const caData = o.certificateAuthority ? undefined : fromBase64(cluster['certificate-authority-data']);
  const clusterInvalid: string[] = [];
  if (caFile && caData) clusterInvalid.push(`certificate-authority-data and certificate-authority are both specified for ${names.cluster}. certificate-authority-data will override.`);
  let ca = caData;
  if (caFile) {
    const text = await readChecked(caFile, 'certificate-authority', names.cluster, clusterInvalid, late);
    ca ??= text;
  }
  invalid.push(...authInvalid, ...clusterInvalid);
  return { ca, cert, key };
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
  // DefaultServerURL: a server without a scheme and host is http (ClientConfig has no TLS yet when it
  // asks), and only a TLS transport gets the user's credentials and the cluster's CA
  const rest: RestConfig = { server: /^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(server) ? server : `http://${server}` };
  const invalid: string[] = [];
  const late: string[] = [];
  const userName = o.user || ctx.user || '';
  const material = await tlsMaterial(cluster, user, o, { cluster: o.cluster || ctx.cluster || '', user: userName }, invalid, late);
  const namespace = o.namespace || ctx.namespace || 'default';
  const base = { rest, namespace, namespaceExplicit: Boolean(o.namespace || ctx.namespace), contextName: ctxName, contextMissing: missing, userName, invalid };
  if (!/^https:/i.test(rest.server)) return { ...base, identifiesUser: false };
  const { ca, cert, key } = material;
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
  const identifiesUser = Boolean(username || cert || token || user.exec || user['auth-provider']);
  return { ...base, identifiesUser, ...(late[0] ? { readError: late[0] } : {}) };
}
