// The client's contract, shared by the HTTPS client (kubectl, in-daemon components) and the fake
// client that controller unit tests seed: resources named by group/version/resource, objects as
// plain JSON, failures as the server's Status.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export type OwnerRef = OwnerReference;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object as its JSON (the apiserver's KObject too). */
export interface Obj {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** core/v1 ObjectReference (an event's involvedObject, a PV's claimRef, a CronJob's active jobs). */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}

export interface ObjList<T extends Obj = Obj> {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** A REST resource: where it lives and whether it is namespaced. */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T extends Obj = Obj> {
  type: WatchEventType;
  object: T;
}

export interface Watch {
  stop(): void;
  /** Settles when the watch ends: undefined when stopped or closed by the server, else why. */
  done: Promise<Error | undefined>;
  /** whether the client's deadline (--request-timeout) cut the stream, once done */
  readonly cutByDeadline?: boolean;
}

export interface DeleteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/json-patch+json';

export interface WriteOptions {
  subresource?: string;
  dryRun?: boolean;
  fieldManager?: string;
}

/** What every component needs from the apiserver. */
export interface Client {
  get<T extends Obj = Obj>(ref: ResourceRef, namespace: string, name: string, subresource?: string): Promise<T>;
  list<T extends Obj = Obj>(ref: ResourceRef, namespace: string, opts?: ListOptions): Promise<ObjList<T>>;
  create<T extends Obj = Obj>(ref: ResourceRef, namespace: string, obj: Obj, opts?: WriteOptions & { name?: string }): Promise<T>;
  update<T extends Obj = Obj>(ref: ResourceRef, obj: Obj, opts?: WriteOptions): Promise<T>;
  patch<T extends Obj = Obj>(ref: ResourceRef, namespace: string, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): Promise<T>;
  delete(ref: ResourceRef, namespace: string, name: string, opts?: DeleteOptions): Promise<Obj | undefined>;
  watch<T extends Obj = Obj>(ref: ResourceRef, namespace: string, opts: WatchOptions, onEvent: (e: WatchEvent<T>) => void): Watch;
}

/** The server's Status for a failed call. */
export interface ApiStatus {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[]; retryAfterSeconds?: number };
}

export class ApiError extends Error {
  constructor(readonly status: ApiStatus) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.code === 404;
export const isConflict = (e: unknown): boolean => e instanceof ApiError && e.code === 409 && e.reason === 'Conflict';
export const isAlreadyExists = (e: unknown): boolean => e instanceof ApiError && e.code === 409 && e.reason === 'AlreadyExists';
export const isGone = (e: unknown): boolean => e instanceof ApiError && e.code === 410;

/** `ns/name`, or `name` for cluster-scoped objects: the key work queues and caches use. */
export function keyOf(o: { metadata: { namespace?: string; name?: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata.name ?? '');
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** rbacv1.PolicyRule, JSON field order as upstream's struct; empty lists are omitted. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** Several errors reported together, one per line (utilerrors.Aggregate). */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
}
