// One REST call as kubectl makes it: JSON (or a server-side Table) back, a Status error thrown.
import { statusOf, withTimeout, type RestClient } from '../../../client/rest.js';
import { ApiError, type ApiStatus } from '../../../client/types.js';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface RequestOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** false: no ?timeout= for --request-timeout (a typed clientset List or Watch) */
  timeoutParam?: boolean;
}

/**
 * A path as the discovery client's REST client sends it (discovery, and the OpenAPI documents
 * read through it): with ?timeout= of --request-timeout, else of its 32s default.
 */
export function viaDiscoveryClient(client: RestClient, path: string): string {
  return withTimeout(path, client.config.timeout?.text ?? '32s');
}

/** A typed clientset List: client-go's generated List sends no ?timeout= (it sets Timeout(0)). */
export const TYPED_LIST: RequestOptions = { timeoutParam: false };

export async function requestJson<T>(client: RestClient, method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const r = await client.raw(method, path, body, o.body === undefined ? undefined : (o.contentType ?? 'application/json'), o.accept, { timeoutParam: o.timeoutParam });
  if (r.status < 200 || r.status > 299) throw new ApiError(statusOf(r, { method, path }));
  return JSON.parse(r.body) as T;
}

/** The Accept of the resource builder's typed client (WithScheme): JSON, or anything. */
export const TYPED_ACCEPT = 'application/json, */*';

/**
 * A GET as the resource builder makes it WithScheme: its Status errors come back decoded into
 * the typed metav1.Status, whose kind and apiVersion the decoder drops.
 */
export async function typedGet<T>(client: RestClient, path: string): Promise<T> {
  try {
    return await requestJson<T>(client, 'GET', path, { accept: TYPED_ACCEPT });
  } catch (err) {
    throw err instanceof ApiError ? typedError(err.status) : err;
  }
}

/** A typed clientset's call: its failure's Status decoded into metav1.Status (no kind). */
export function decodedTyped<T>(call: Promise<T>): Promise<T> {
  return call.catch((err: unknown) => { throw err instanceof ApiError ? typedError(err.status) : err; });
}

/** The API error of a Status decoded into the typed metav1.Status: kind and apiVersion dropped. */
export function typedError(s: ApiStatus): ApiError {
  const { kind: _kind, apiVersion: _apiVersion, ...status } = s;
  return new ApiError(status);
}
