// The files of configMap, secret, downwardAPI and projected volumes: one file per key (or per
// item path), secret values decoded, the service account token from the TokenRequest API.
import { isNotFound, type Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { fieldValue, type EnvContext } from '../env.js';
import { VolumeError, type DownwardItem, type KeyToPath, type ProjectedSource, type TokenSource, type Volume } from './types.js';

export type Files = Record<string, string>;
type Kind = 'configmap' | 'secret';
type Data = Obj & { data?: Record<string, string>; binaryData?: Record<string, string> };

const decode = (v: string) => Buffer.from(v, 'base64').toString('utf8');

async function readData(ctx: EnvContext, vol: string, kind: Kind, name: string, optional: boolean): Promise<Record<string, string> | undefined> {
  try {
    const o = await ctx.client.get<Data>(kind === 'configmap' ? REFS.configmaps : REFS.secrets, ctx.pod.metadata.namespace ?? 'default', name);
    if (kind === 'secret') return Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [k, decode(v)]));
    return { ...o.data, ...Object.fromEntries(Object.entries(o.binaryData ?? {}).map(([k, v]) => [k, decode(v)])) };
  } catch (err) {
    if (!isNotFound(err)) throw err;
    if (optional) return undefined;
    throw new VolumeError(vol, `${kind} "${name}" not found`);
  }
}

/** Every key as a file, or the listed items at their paths. */
async function keyFiles(ctx: EnvContext, vol: string, kind: Kind, name: string, items: KeyToPath[] | undefined, optional: boolean): Promise<Files> {
  const data = await readData(ctx, vol, kind, name, optional);
  if (!data) return {};
  if (!items?.length) return { ...data };
  const out: Files = {};
  for (const it of items) {
    const v = data[it.key];
    if (v === undefined) {
      if (optional) continue;
      throw new VolumeError(vol, kind === 'configmap' ? `configmap references non-existent config key: ${it.key}` : `references non-existent secret key: ${it.key}`);
    }
    out[it.path] = v;
  }
  return out;
}

/** A map as fieldpath.FormatMap writes it: sorted `key="value"` lines. */
const formatMap = (m: Record<string, string> = {}) => Object.keys(m).sort().map((k) => `${k}=${JSON.stringify(m[k])}`).join('\n');

function downwardFiles(ctx: EnvContext, items: DownwardItem[] = []): Files {
  const out: Files = {};
  for (const it of items) {
    const path = it.fieldRef?.fieldPath;
    if (!path) continue;
    out[it.path] = path === 'metadata.labels' ? formatMap(ctx.pod.metadata.labels) : path === 'metadata.annotations' ? formatMap(ctx.pod.metadata.annotations) : fieldValue(ctx, path);
  }
  return out;
}

/** A bound token for the pod's service account (TokenRequest with the pod as bound object). */
async function tokenFile(ctx: EnvContext, vol: string, src: TokenSource): Promise<Files> {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const sa = (ctx.pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default';
  const req = {
    apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: { name: sa, namespace: ns },
    spec: { audiences: src.audience ? [src.audience] : [], expirationSeconds: src.expirationSeconds ?? 3600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: ctx.pod.metadata.name, uid: ctx.pod.metadata.uid } },
  };
  try {
    const res = await ctx.client.create<Obj & { status?: { token?: string } }>(REFS.serviceaccounts, ns, req, { name: sa, subresource: 'token' });
    return { [src.path]: res.status?.token ?? '' };
  } catch (err) {
    throw new VolumeError(vol, `failed to fetch token: ${(err as Error).message}`);
  }
}

async function projectedFiles(ctx: EnvContext, vol: string, sources: ProjectedSource[] = []): Promise<Files> {
  const out: Files = {};
  for (const s of sources) {
    if (s.configMap) Object.assign(out, await keyFiles(ctx, vol, 'configmap', s.configMap.name, s.configMap.items, s.configMap.optional ?? false));
    if (s.secret) Object.assign(out, await keyFiles(ctx, vol, 'secret', s.secret.name, s.secret.items, s.secret.optional ?? false));
    if (s.downwardAPI) Object.assign(out, downwardFiles(ctx, s.downwardAPI.items));
    if (s.serviceAccountToken) Object.assign(out, await tokenFile(ctx, vol, s.serviceAccountToken));
  }
  return out;
}

/** The files of a volume made of API data, or undefined for other volume types. */
export async function volumeFiles(ctx: EnvContext, v: Volume): Promise<Files | undefined> {
  if (v.configMap) return keyFiles(ctx, v.name, 'configmap', v.configMap.name, v.configMap.items, v.configMap.optional ?? false);
  if (v.secret) return keyFiles(ctx, v.name, 'secret', v.secret.secretName ?? '', v.secret.items, v.secret.optional ?? false);
  if (v.downwardAPI) return downwardFiles(ctx, v.downwardAPI.items);
  if (v.projected) return projectedFiles(ctx, v.name, v.projected.sources);
  return undefined;
}
