// The admission of a CONNECT, as apiserver's ConnectResource runs it before the object is looked
// up: pods/exec, attach, portforward and the proxy subresources (pods, nodes, services) decode their
// options from the query (upstream's parameter codec: url.Values to PodExecOptions...), the plugins
// that handle CONNECT (webhooks and policies) see them as the request's object, and what a mutating
// webhook changed is what the connection then uses.
import type { Call } from './server-context.js';
import { badRequest } from '../errors.js';
import { runMutating, runValidating, type AdmissionRequest } from '../registry/admission.js';
import type { KObject } from '../types.js';

/** The options kind of a connect subresource (PodExecOptions, NodeProxyOptions...), as its storage's New() names it. */
function connectKind(c: Pick<Call, 'd' | 'info'>): string | undefined {
  const kind = c.d.subresources[c.info.subresource]?.kind;
  return kind?.endsWith('Options') ? kind : undefined;
}

/** runtime.Convert_Slice_string_To_bool: absent, "0" and "false" (any case) are false. */
function queryBool(q: URLSearchParams, key: string): boolean {
  const v = q.get(key);
  return v !== null && v !== '0' && v.toLowerCase() !== 'false';
}

/** metav1.Convert_Slice_string_To_Slice_int32: each value split at commas, each a uint16. */
function queryPorts(values: string[]): number[] {
  return values.flatMap((s) => s.split(',')).map((v) => {
    const ok = /^[0-9]+$/.test(v);
    if (ok && Number(v) <= 0xffff) return Number(v);
    throw badRequest(`cannot convert to []int32: strconv.ParseUint: parsing ${JSON.stringify(v)}: ${ok ? 'value out of range' : 'invalid syntax'}`);
  });
}

/** The subpath after .../proxy, with its leading (and any trailing) slash, as getRequestOptions builds it. */
function proxyPath(path: string): string {
  const m = /\/proxy(\/.*)?$/.exec(path);
  const rest = (m?.[1] ?? '').split('/').filter(Boolean).map(decodeURIComponent).join('/');
  const p = rest ? `/${rest}` : '';
  return path.endsWith('/') && !p.endsWith('/') ? `${p}/` : p;
}

/** The versioned options object of a connect request (omitempty fields left out, command kept). */
export function connectOptions(c: Pick<Call, 'd' | 'info' | 'query'>): Record<string, unknown> {
  const q = c.query;
  const sub = c.info.subresource;
  const out: Record<string, unknown> = { kind: connectKind(c), apiVersion: 'v1' };
  if (sub === 'exec' || sub === 'attach') {
    for (const k of ['stdin', 'stdout', 'stderr', 'tty']) if (queryBool(q, k)) out[k] = true;
    const container = q.get('container');
    if (container) out.container = container;
    if (sub === 'exec') out.command = q.has('command') ? q.getAll('command') : null;
  } else if (sub === 'portforward') {
    const ports = q.has('ports') ? queryPorts(q.getAll('ports')) : [];
    if (ports.length) out.ports = ports;
  } else {
    const path = proxyPath(c.info.path);
    if (path) out.path = path;
  }
  return out;
}

/**
 * Runs the CONNECT admission of a connect request (dry run refused first, as upstream) and returns
 * the admitted options; undefined for any other request.
 */
export async function admitConnect(c: Call): Promise<Record<string, unknown> | undefined> {
  const kind = connectKind(c);
  if (kind === undefined) return undefined;
  if (c.query.has('dryRun')) throw badRequest('dryRun is not supported');
  const req: AdmissionRequest = {
    op: 'CONNECT', d: c.d, subresource: c.info.subresource, namespace: c.info.namespace, name: c.info.name,
    obj: connectOptions(c) as unknown as KObject, old: undefined, ctx: c.rc, kind,
  };
  const plugins = c.s.registry.admission;
  await runMutating(plugins, req);
  await runValidating(plugins, req);
  return req.obj as unknown as Record<string, unknown>;
}
