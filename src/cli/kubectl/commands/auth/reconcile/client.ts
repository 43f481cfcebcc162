// The typed rbac/v1 clients reconcile goes through (RoleModifier, ClusterRoleModifier and the
// binding adapters): GET, POST, PUT and a DELETE with a UID precondition, each object sent as its
// Go struct encodes it. Roles and RoleBindings first make sure their namespace exists
// (tryEnsureNamespace: best effort, NotFound/Forbidden on the GET and AlreadyExists/Forbidden on
// the POST are fine). An empty name or namespace fails in the client, as client-go's does.
import type { RestClient } from '../../../../../client/rest.js';
import { ApiError, type Obj, type ResourceRef } from '../../../../../client/types.js';
import { typedObject } from '../../create/go-typed.js';
import { objectPath, collectionPath } from '../../../resource/paths.js';
import { requestJson } from '../../../resource/request.js';
import type { BindingClient } from './binding.js';
import { nameOf, namespaceOf } from './objects.js';

const GROUP = 'rbac.authorization.k8s.io';

export type RbacKind = 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding';

const RESOURCES: Record<RbacKind, ResourceRef> = {
  Role: { group: GROUP, version: 'v1', resource: 'roles', kind: 'Role', namespaced: true },
  ClusterRole: { group: GROUP, version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
  RoleBinding: { group: GROUP, version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  ClusterRoleBinding: { group: GROUP, version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
};

const EMPTY_NAME = 'resource name may not be empty';

const NAMESPACES: ResourceRef = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };

const status = (err: unknown): number => (err instanceof ApiError ? err.code : 0);

/** The object with its type set (typed clients drop it; kubectl's printers set it back). */
function withType(obj: Obj, kind: RbacKind): Obj {
  return { ...obj, apiVersion: `${GROUP}/v1`, kind };
}

/** The request body: the object as its Go struct encodes it. */
const body = (obj: Obj, kind: RbacKind): Obj => typedObject(withType(obj, kind)) ?? obj;

async function tryEnsureNamespace(rest: RestClient, namespace: string): Promise<void> {
  if (namespace === '') throw new Error(EMPTY_NAME);
  try {
    await requestJson(rest, 'GET', objectPath(NAMESPACES, undefined, namespace));
    return;
  } catch (err) {
    if (status(err) !== 404 && status(err) !== 403) throw err;
  }
  const ns = typedObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }) as Obj;
  try {
    await requestJson(rest, 'POST', collectionPath(NAMESPACES, undefined), { body: ns });
  } catch (err) {
    const reason = err instanceof ApiError ? err.reason : undefined;
    if (reason !== 'AlreadyExists' && status(err) !== 403) throw err;
  }
}

/** A client for one of the four kinds; it also serves as a RoleClient. */
export function rbacClient(rest: RestClient, kind: RbacKind): BindingClient {
  const ref = RESOURCES[kind];
  const ns = (namespace: string): string | undefined => (ref.namespaced && namespace !== '' ? namespace : undefined);
  const path = (namespace: string, name: string): string => {
    if (name === '') throw new Error(EMPTY_NAME);
    return objectPath(ref, ns(namespace), name);
  };
  return {
    get: async (namespace, name) => withType(await requestJson<Obj>(rest, 'GET', path(namespace, name)), kind),
    async create(obj) {
      if (ref.namespaced) await tryEnsureNamespace(rest, namespaceOf(obj));
      return withType(await requestJson<Obj>(rest, 'POST', collectionPath(ref, ns(namespaceOf(obj))), { body: body(obj, kind) }), kind);
    },
    update: async (obj) => withType(await requestJson<Obj>(rest, 'PUT', path(namespaceOf(obj), nameOf(obj)), { body: body(obj, kind) }), kind),
    async delete(namespace, name, uid) {
      const options = { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid } };
      await requestJson(rest, 'DELETE', path(namespace, name), { body: options });
    },
  };
}
