// kubeconfig files as kubectl reads and writes them (client-go clientcmd, v1 Config): YAML with
// keys sorted at every level, lists not indented under their key, an empty list written as null,
// `current-context: ""` and `preferences: {}` always present. Unknown fields are kept.
// Merging follows kind: one cluster, user and context, all named `kubedojo-<cluster>`, go into
// the file named by $KUBECONFIG (its first path) or ~/.kube/config.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import YAML from 'yaml';
import { yamlToJson } from '../printers/yaml/go-yaml-read.js';

export interface ClusterInfo {
  server: string;
  'certificate-authority-data'?: string;
  'certificate-authority'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  [field: string]: unknown;
}

export interface ContextInfo {
  cluster: string;
  user: string;
  namespace?: string;
  [field: string]: unknown;
}

export interface UserInfo {
  'client-certificate-data'?: string;
  'client-key-data'?: string;
  'client-certificate'?: string;
  'client-key'?: string;
  token?: string;
  [field: string]: unknown;
}

export interface NamedCluster { name: string; cluster: ClusterInfo }
export interface NamedContext { name: string; context: ContextInfo }
export interface NamedUser { name: string; user: UserInfo }

export interface Kubeconfig {
  apiVersion: string;
  kind: string;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  users: NamedUser[];
  'current-context': string;
  preferences: Record<string, unknown>;
  [field: string]: unknown;
}

/** One cluster + user + context under a single name, the unit kind merges. */
export interface KubeconfigEntry {
  name: string;
  cluster: ClusterInfo;
  user: UserInfo;
  namespace?: string;
}

export const KUBEDOJO_PREFIX = 'kubedojo-';
export const KUBECONFIG_MODE = 0o600;
const DIR_MODE = 0o755;

/** `kubedojo-<cluster>`: the name a cluster's context, cluster and user get in ~/.kube/config. */
export function kubedojoEntryName(cluster: string): string {
  return `${KUBEDOJO_PREFIX}${cluster}`;
}

export function emptyKubeconfig(): Kubeconfig {
  return {
    apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], users: [],
    'current-context': '', preferences: {},
  };
}

/**
 * clientcmd.Load's decoding of a file's JSON into its typed Config, for a caller that has it: throws
 * encoding/json's and the conversion's errors (a type error, a repeated name) in Go's words.
 */
export type KubeconfigCheck = (json: unknown) => void;

/** Parses kubeconfig YAML (or JSON) as clientcmd does; missing or null lists become empty ones. */
export function parseKubeconfig(text: string, source = 'kubeconfig', check?: KubeconfigCheck): Kubeconfig {
  // clientcmd.Load reads it as sigs.k8s.io/yaml does, with go-yaml's words for its errors
  const read = yamlToJson(text);
  if ('error' in read) throw new Error(`error loading config file "${source}": ${read.error}`);
  const doc = read.value;
  if (check && text.length > 0) {
    try {
      check(doc ?? null);
    } catch (err) {
      throw new Error(`error loading config file "${source}": ${(err as Error).message}`);
    }
  }
  if (doc === null || doc === undefined) return emptyKubeconfig();
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`error loading config file "${source}": not a kubeconfig mapping`);
  }
  const raw = doc as Record<string, unknown>;
  // clientcmd's codec knows one kind: Config in v1 (either may be left out)
  const kind = typeof raw.kind === 'string' && raw.kind !== '' ? raw.kind : 'Config';
  const version = typeof raw.apiVersion === 'string' && raw.apiVersion !== '' ? raw.apiVersion : 'v1';
  if (kind !== 'Config' || version !== 'v1') {
    throw new Error(`error loading config file "${source}": no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(version)} in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`);
  }
  return {
    ...emptyKubeconfig(),
    ...raw,
    clusters: namedList<NamedCluster>(raw.clusters, 'cluster'),
    contexts: namedList<NamedContext>(raw.contexts, 'context'),
    users: namedList<NamedUser>(raw.users, 'user'),
    'current-context': typeof raw['current-context'] === 'string' ? raw['current-context'] : '',
    preferences: (raw.preferences as Record<string, unknown> | null) ?? {},
  };
}

/** A v1 named list's items; one whose stanza is missing or null holds the zero value, as Go decodes it. */
function namedList<T extends { name: string }>(value: unknown, stanza: string): T[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is T => typeof (item as { name?: unknown })?.name === 'string')
    .map((item) => {
      const body = (item as Record<string, unknown>)[stanza];
      return body !== null && typeof body === 'object' && !Array.isArray(body) ? item : { ...item, [stanza]: {} };
    });
}

/** The YAML kubectl writes for this config. */
export function formatKubeconfig(cfg: Kubeconfig): string {
  const doc: Record<string, unknown> = { ...cfg };
  for (const list of ['clusters', 'contexts', 'users'] as const) {
    if (cfg[list].length === 0) doc[list] = null;
  }
  return YAML.stringify(sortKeys(doc), { indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** Reads a kubeconfig file; undefined when it does not exist. */
export async function readKubeconfig(path: string): Promise<Kubeconfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseKubeconfig(text, path);
}

/** Writes a kubeconfig atomically with mode 0600, creating its directory with mode 0755. */
export async function writeKubeconfig(path: string, cfg: Kubeconfig): Promise<void> {
  const dir = dirname(path);
  const created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (created !== undefined) await chmod(dir, DIR_MODE);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, formatKubeconfig(cfg), { mode: KUBECONFIG_MODE });
  await chmod(temp, KUBECONFIG_MODE);
  await rename(temp, path);
}

/** The current context's cluster and user of cfg, renamed to name (e.g. admin.conf → kubedojo-x). */
export function entryFromKubeconfig(cfg: Kubeconfig, name: string): KubeconfigEntry {
  const ctx = cfg.contexts.find((c) => c.name === cfg['current-context'])?.context;
  const cluster = cfg.clusters.find((c) => c.name === ctx?.cluster)?.cluster;
  const user = cfg.users.find((u) => u.name === ctx?.user)?.user;
  if (!ctx || !cluster || !user) throw new Error('kubeconfig has no complete current context to copy');
  return { name, cluster, user, ...(ctx.namespace ? { namespace: ctx.namespace } : {}) };
}

export interface UpsertOptions {
  makeCurrent: boolean;
  /** The context's name; the entry's name when absent (kubeadm names it <user>@<cluster>). */
  contextName?: string;
  clusterName?: string;
  userName?: string;
}

/** cfg with the entry's cluster, user and context replacing any of the same names. */
export function upsertEntry(cfg: Kubeconfig, entry: KubeconfigEntry, opts: UpsertOptions): Kubeconfig {
  const cluster = opts.clusterName ?? entry.name;
  const user = opts.userName ?? entry.name;
  const context = opts.contextName ?? entry.name;
  const ctx: ContextInfo = { cluster, user, ...(entry.namespace ? { namespace: entry.namespace } : {}) };
  return {
    ...cfg,
    clusters: replaceNamed(cfg.clusters, { name: cluster, cluster: entry.cluster }),
    users: replaceNamed(cfg.users, { name: user, user: entry.user }),
    contexts: replaceNamed(cfg.contexts, { name: context, context: ctx }),
    'current-context': opts.makeCurrent ? context : cfg['current-context'],
  };
}

function replaceNamed<T extends { name: string }>(list: T[], item: T): T[] {
  const at = list.findIndex((x) => x.name === item.name);
  if (at < 0) return [...list, item];
  return list.map((x, i) => (i === at ? item : x));
}

/** cfg without the cluster, user and context called name; a current context on it becomes "". */
export function removeEntry(cfg: Kubeconfig, name: string): Kubeconfig {
  return {
    ...cfg,
    clusters: cfg.clusters.filter((c) => c.name !== name),
    users: cfg.users.filter((u) => u.name !== name),
    contexts: cfg.contexts.filter((c) => c.name !== name),
    'current-context': cfg['current-context'] === name ? '' : cfg['current-context'],
  };
}

/** Merges the entry into the kubeconfig at target, creating the file if needed. */
export async function mergeKubeconfig(target: string, entry: KubeconfigEntry, opts: { makeCurrent: boolean }): Promise<void> {
  const cfg = (await readKubeconfig(target)) ?? emptyKubeconfig();
  await writeKubeconfig(target, upsertEntry(cfg, entry, { makeCurrent: opts.makeCurrent }));
}

/** Removes the cluster, user and context called name (e.g. kubedojo-dev); no file, no change. */
export async function removeFromKubeconfig(target: string, name: string): Promise<void> {
  const cfg = await readKubeconfig(target);
  if (!cfg) return;
  await writeKubeconfig(target, removeEntry(cfg, name));
}

/** The file kubedojo writes: the first path of $KUBECONFIG, else ~/.kube/config. */
export function resolveKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((p) => p !== '');
  return first ?? join(env.HOME || homedir(), '.kube', 'config');
}

export interface CurrentContext {
  context: string;
  cluster: string;
  user: string;
  server: string;
  namespace: string;
  /** The kubedojo cluster the context belongs to, when named kubedojo-<cluster>. */
  kubedojoCluster?: string;
}

/** The context in use (override, else current-context) with its cluster's server. */
export function currentContext(cfg: Kubeconfig, override?: string): CurrentContext | undefined {
  const name = override || cfg['current-context'];
  const ctx = cfg.contexts.find((c) => c.name === name)?.context;
  const cluster = cfg.clusters.find((c) => c.name === ctx?.cluster)?.cluster;
  if (!ctx || !cluster) return undefined;
  const found: CurrentContext = {
    context: name, cluster: ctx.cluster, user: ctx.user, server: cluster.server, namespace: ctx.namespace || 'default',
  };
  if (ctx.cluster.startsWith(KUBEDOJO_PREFIX)) found.kubedojoCluster = ctx.cluster.slice(KUBEDOJO_PREFIX.length);
  return found;
}
