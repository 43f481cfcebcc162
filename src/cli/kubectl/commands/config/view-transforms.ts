// What `config view` does to the merged config before printing (clientcmd/api/helpers.go):
// --minify keeps the current context's stanzas, --flatten inlines certificate files, and
// otherwise secrets are redacted (REDACTED) and byte data shortened (DATA+OMITTED).
import { decodeBase64 } from './base64.js';
import type { Files } from './files.js';
import { bytesOf, str, type Config, type Struct } from './model.js';
import { resolveAgainstOrigin } from './paths.js';
import { AUTH_INFO, type StructType } from './types.js';

const DATA_OMITTED = decodeBase64('DATA+OMITTED');
const REDACTED_BYTES = new TextEncoder().encode('REDACTED');

/** MinifyConfig */
export function minify(cfg: Config): void {
  const name = cfg['current-context'];
  if (name === '') throw new Error('current-context must exist in order to minify');
  const ctx = cfg.contexts.get(name);
  if (!ctx) throw new Error(`cannot locate context ${name}`);
  const keep = (section: 'clusters' | 'users', key: string, what: string): Map<string, Struct> => {
    if (key === '') return new Map();
    const stanza = cfg[section].get(key);
    if (!stanza) throw new Error(`cannot locate ${what} ${key}`);
    return new Map([[key, stanza]]);
  };
  const clusters = keep('clusters', str(ctx, 'cluster'), 'cluster');
  const users = keep('users', str(ctx, 'user'), 'user');
  cfg.users = users;
  cfg.clusters = clusters;
  cfg.contexts = new Map([[name, ctx]]);
}

/** FlattenContent: a path's file read into its data field, the path cleared. */
async function flattenOne(stanza: Struct, pathKey: string, dataKey: string, files: Files): Promise<void> {
  const path = str(stanza, pathKey);
  if (path === '') return;
  if ((bytesOf(stanza, dataKey)?.length ?? 0) > 0) throw new Error('cannot have values for both path and contents');
  const full = resolveAgainstOrigin(stanza, path, files.cwd);
  stanza[dataKey] = new Uint8Array(await files.read(full));
  stanza[pathKey] = '';
}

/** FlattenConfig: users first, then clusters. */
export async function flatten(cfg: Config, files: Files): Promise<void> {
  for (const user of cfg.users.values()) {
    await flattenOne(user, 'client-certificate', 'client-certificate-data', files);
    await flattenOne(user, 'client-key', 'client-key-data', files);
  }
  for (const cluster of cfg.clusters.values()) {
    await flattenOne(cluster, 'certificate-authority', 'certificate-authority-data', files);
  }
}

/** RedactSecrets on one struct: fields with a datapolicy tag that hold something. */
function redactStruct(s: Struct, t: StructType): void {
  for (const f of t.fields) {
    if (!f.secret) continue;
    const v = s[f.tag];
    if (typeof v === 'string' && v !== '') s[f.tag] = 'REDACTED';
    if (v instanceof Uint8Array) s[f.tag] = REDACTED_BYTES;
  }
}

/** RedactSecrets then ShortenConfig. */
export function redactAndShorten(cfg: Config): void {
  for (const user of cfg.users.values()) {
    redactStruct(user, AUTH_INFO);
    for (const key of ['client-key-data', 'client-certificate-data']) {
      if ((bytesOf(user, key)?.length ?? 0) > 0) user[key] = DATA_OMITTED;
    }
    if (str(user, 'token') !== '') user.token = 'REDACTED';
  }
  for (const cluster of cfg.clusters.values()) {
    if ((bytesOf(cluster, 'certificate-authority-data')?.length ?? 0) > 0) cluster['certificate-authority-data'] = DATA_OMITTED;
  }
}
