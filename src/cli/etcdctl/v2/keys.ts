// The v2 keys API over V2Client: /v2/keys/<key> with client/v2's query and form encoding.
import { posix } from 'node:path';
import { V2Client } from './client.js';

export interface V2Node {
  key?: string;
  dir?: boolean;
  value?: string;
  nodes?: V2Node[];
  createdIndex?: number;
  modifiedIndex?: number;
  expiration?: string;
  ttl?: number;
}

export interface V2Response {
  action: string;
  node: V2Node;
  prevNode?: V2Node;
  /** X-Etcd-Index */
  index: number;
}

export class V2ServerError extends Error {
  constructor(readonly code: number, message: string, cause: string, index: number) {
    super(`${code}: ${message} (${cause}) [${index}]`);
  }
}

export const INVALID_JSON = 'client: response is invalid json. The endpoint is probably not valid etcd cluster endpoint';

export function keyPath(key: string): string {
  return posix.join('/v2/keys', key).split('/').map(encodeURIComponent).join('/');
}

/** url.Values.Encode: keys sorted. */
export function encode(params: Record<string, string>): string {
  return Object.keys(params).sort().map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k]!)}`).join('&');
}

export async function keysCall(c: V2Client, method: string, key: string, query: Record<string, string>, form?: Record<string, string>): Promise<V2Response> {
  const q = encode(query);
  const res = await c.request(method, `${keyPath(key)}${q !== '' ? `?${q}` : ''}`, form === undefined ? undefined : encode(form));
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    throw new Error(INVALID_JSON);
  }
  if (res.status !== 200 && res.status !== 201) {
    if (typeof body.errorCode !== 'number') throw new Error(INVALID_JSON);
    throw new V2ServerError(body.errorCode, String(body.message), String(body.cause ?? ''), Number(body.index ?? 0));
  }
  return { ...(body as unknown as V2Response), index: Number(res.headers['x-etcd-index'] ?? 0) };
}
