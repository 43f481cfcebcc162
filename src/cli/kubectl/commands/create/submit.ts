// The end of every generator's Run: the last-applied annotation, then either the object as built
// (--dry-run=client) or what the server answers to the POST (with dryRun=All for
// --dry-run=server), printed. Typed clients wrap their failures as "failed to create <what>: …".
import { ApiError, type Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { requestJson, typedError } from '../../resource/request.js';
import { typedObject } from './go-typed.js';
import { withLastApplied } from './last-applied.js';
import type { CreateSetup } from './options.js';
import { printObject, type Printable } from './print.js';

/** Where the object is POSTed. */
export interface Endpoint {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

/** url.QueryEscape */
export function goQueryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/** url.Values.Encode: keys sorted, empty values left out as metav1.CreateOptions leaves them. */
export function goQuery(params: Record<string, string>): string {
  const keys = Object.keys(params).filter((k) => params[k] !== '').sort();
  return keys.length === 0 ? '' : `?${keys.map((k) => `${k}=${goQueryEscape(params[k]!)}`).join('&')}`;
}

export function collectionUrl(ep: Endpoint, namespace: string): string {
  const base = ep.group === '' ? `/api/${ep.version}` : `/apis/${ep.group}/${ep.version}`;
  return ep.namespaced ? `${base}/namespaces/${encodeURIComponent(namespace)}/${ep.resource}` : `${base}/${ep.resource}`;
}

export interface PostOptions {
  /** `failed to create deployment: ` — the typed client's wrapping of any failure */
  failPrefix?: string;
  /** run's resource.Helper sends no fieldValidation */
  fieldValidation?: boolean;
}

/** POSTs the object; the server's answer, or the failure as kubectl words it. */
export async function postObject(ctx: Ctx, s: CreateSetup, ep: Endpoint, obj: Obj, o: PostOptions = {}): Promise<Obj> {
  const client = await ctx.factory.client();
  const query = goQuery({
    dryRun: s.dryRun === 'server' ? 'All' : '',
    fieldManager: s.fieldManager,
    fieldValidation: o.fieldValidation === false ? '' : s.validation,
  });
  // A typed clientset sends the Go struct (protobuf on the wire): empty maps such as a configmap's
  // binaryData never reach the server.
  const body = o.failPrefix === undefined ? obj : typedObject(obj) ?? obj;
  try {
    return await requestJson<Obj>(client, 'POST', collectionUrl(ep, s.namespace) + query, { body });
  } catch (err) {
    // a typed client (or run's ClientForMapping) decodes the Status into metav1.Status: no kind
    if (o.failPrefix === undefined || !(err instanceof Error)) throw err instanceof ApiError ? typedError(err.status) : err;
    throw new Error(`${o.failPrefix}${err.message}`);
  }
}

/** The object as kubectl holds it for printing: its Go struct when the scheme knows the kind. */
export function printable(obj: Obj): Printable {
  const typed = typedObject(obj);
  return typed === undefined ? { obj, typed: false } : { obj: typed, typed: true };
}

/** Annotates, creates unless --dry-run=client, prints; the exit code. */
export async function finishCreate(ctx: Ctx, s: CreateSetup, ep: Endpoint, obj: Obj, o: PostOptions = {}): Promise<number> {
  let out = withLastApplied(obj, s.saveConfig);
  if (s.dryRun !== 'client') out = await postObject(ctx, s, ep, out, o);
  printObject(ctx.io.stdout, s.printer, printable(out));
  return 0;
}
