// What a describer works with: a client that GETs API paths (throwing ApiError on a failed
// request), kubectl's describer settings, the clock and the local time zone.
import { enhanceListError } from '../../client/list-error.js';
import type { Obj } from '../../client/types.js';

export interface DescribeClient {
  /**
   * GET path (with query); the parsed JSON body, or an ApiError thrown. `list`: a typed clientset
   * List, which client-go sends without the ?timeout= of --request-timeout (it sets Timeout(0)).
   */
  get(path: string, o?: { list?: boolean }): Promise<unknown>;
}

export interface DescriberSettings {
  showEvents: boolean;
  chunkSize: number;
}

export interface DescribeEnv {
  client: DescribeClient;
  settings: DescriberSettings;
  /** milliseconds since the epoch: ages are computed against it */
  now: number;
  /** IANA zone of Go's time.Local */
  zone: string;
}

/** Describe(namespace, name) of one kind. */
export type Describer = (env: DescribeEnv, namespace: string, name: string) => Promise<string>;

/** /api/v1/namespaces/ns/pods[/name], /apis/apps/v1/... */
export function apiPath(groupVersion: string, resource: string, namespace?: string, name?: string): string {
  const base = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${resource}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}

export async function getObject(env: DescribeEnv, path: string): Promise<Obj> {
  return (await env.client.get(path)) as Obj;
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
}

function withQuery(path: string, q: ListQuery, limit: number, cont: string): string {
  const p = new URLSearchParams();
  if (q.labelSelector) p.set('labelSelector', q.labelSelector);
  if (q.fieldSelector) p.set('fieldSelector', q.fieldSelector);
  if (limit > 0) p.set('limit', String(limit));
  if (cont) p.set('continue', cont);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export interface Listed {
  items: Obj[];
  /** the error that stopped the listing (items holds the pages read before it) */
  error?: unknown;
}

/** runtimeresource.FollowContinue: every page of a list, chunkSize at a time. */
export async function listAll(env: DescribeEnv, path: string, q: ListQuery, subject: string): Promise<Listed> {
  const items: Obj[] = [];
  let cont = '';
  do {
    let page: { items?: Obj[] | null; metadata?: { continue?: string } };
    try {
      page = (await env.client.get(withQuery(path, q, env.settings.chunkSize, cont), { list: true })) as typeof page;
    } catch (err) {
      return { items, error: enhanceListError(err, subject, q) };
    }
    items.push(...(page.items ?? []));
    cont = page.metadata?.continue ?? '';
  } while (cont !== '');
  return { items };
}

/** listAll, throwing its error. */
export async function listOrThrow(env: DescribeEnv, path: string, q: ListQuery, subject: string): Promise<Obj[]> {
  const r = await listAll(env, path, q, subject);
  if (r.error !== undefined) throw r.error;
  return r.items;
}
