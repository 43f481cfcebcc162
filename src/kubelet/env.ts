// A container's environment as the kubelet builds it: the image's env, then envFrom sources,
// then env entries ($(VAR) references expanded), fieldRef values from the pod. ConfigMap and
// Secret values are read through the kubelet's client; a missing one (not optional) is a
// CreateContainerConfigError, as upstream. A read the API forbids is reported and skipped.
import type { Client, Obj } from '../client/types.js';
import { ApiError, isNotFound } from '../client/types.js';
import { REFS } from '../client/refs.js';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    resourceFieldRef?: { resource: string; containerName?: string };
  };
}

export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export class ConfigError extends Error {}

export interface EnvContext {
  client: Client;
  pod: Obj;
  podIP: string;
  hostIP: string;
  nodeName: string;
  /** Told about reads the API refused (the value is skipped). */
  warn(msg: string): void;
}

type Source = { kind: 'configmap' | 'secret'; name: string };

async function readSource(ctx: EnvContext, src: Source, optional: boolean): Promise<Record<string, string> | undefined> {
  const ref = src.kind === 'configmap' ? REFS.configmaps : REFS.secrets;
  try {
    const o = await ctx.client.get<Obj & { data?: Record<string, string> }>(ref, ctx.pod.metadata.namespace ?? 'default', src.name);
    const data = o.data ?? {};
    return src.kind === 'secret' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])) : data;
  } catch (err) {
    if (isNotFound(err)) {
      if (optional) return undefined;
      throw new ConfigError(`${src.kind} "${src.name}" not found`);
    }
    if (err instanceof ApiError && err.code === 403) {
      ctx.warn(`cannot read ${src.kind} "${src.name}": ${err.message}`);
      return undefined;
    }
    throw err;
  }
}

/** The value of a downward API fieldRef (env and downwardAPI volume files). */
export function fieldValue(ctx: EnvContext, path: string): string {
  const m = ctx.pod.metadata;
  const spec = (ctx.pod.spec ?? {}) as { serviceAccountName?: string };
  const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
  const ann = /^metadata\.annotations\['(.+)'\]$/.exec(path);
  if (label) return m.labels?.[label[1] ?? ''] ?? '';
  if (ann) return m.annotations?.[ann[1] ?? ''] ?? '';
  const table: Record<string, string | undefined> = {
    'metadata.name': m.name, 'metadata.namespace': m.namespace, 'metadata.uid': m.uid,
    'spec.nodeName': ctx.nodeName, 'spec.serviceAccountName': spec.serviceAccountName,
    'status.podIP': ctx.podIP, 'status.podIPs': ctx.podIP, 'status.hostIP': ctx.hostIP, 'status.hostIPs': ctx.hostIP,
  };
  return table[path] ?? '';
}

/** Expands $(VAR) from vars; $$(VAR) escapes; unknown references stay as written. */
export function expandRefs(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && name in vars ? vars[name]! : m));
}

export async function containerEnv(ctx: EnvContext, imageEnv: string[], envFrom: EnvFromSource[] = [], env: EnvVar[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const kv of imageEnv) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  for (const f of envFrom) {
    const src: Source | undefined = f.configMapRef ? { kind: 'configmap', name: f.configMapRef.name } : f.secretRef ? { kind: 'secret', name: f.secretRef.name } : undefined;
    if (!src) continue;
    const data = await readSource(ctx, src, (f.configMapRef ?? f.secretRef)?.optional ?? false);
    for (const [k, v] of Object.entries(data ?? {})) out[`${f.prefix ?? ''}${k}`] = v;
  }
  for (const e of env) {
    const v = await envValue(ctx, e, out);
    if (v !== undefined) out[e.name] = v;
  }
  return out;
}

async function envValue(ctx: EnvContext, e: EnvVar, vars: Record<string, string>): Promise<string | undefined> {
  if (e.value !== undefined) return expandRefs(e.value, vars);
  const from = e.valueFrom;
  if (!from) return '';
  if (from.fieldRef) return fieldValue(ctx, from.fieldRef.fieldPath);
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  if (!keyRef) return undefined;
  const kind = from.configMapKeyRef ? 'configmap' : 'secret';
  const data = await readSource(ctx, { kind, name: keyRef.name }, keyRef.optional ?? false);
  if (!data) return undefined;
  if (!(keyRef.key in data)) {
    if (keyRef.optional) return undefined;
    throw new ConfigError(`couldn't find key ${keyRef.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ctx.pod.metadata.namespace}/${keyRef.name}`);
  }
  return data[keyRef.key];
}
