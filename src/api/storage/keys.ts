// Where objects live: /registry/<prefix>/<namespace>/<name> (or /registry/<prefix>/<name>).
import type { ResourceDescriptor } from '../resources/types.js';

export const REGISTRY = '/registry/';

export function objectKey(d: ResourceDescriptor, namespace: string | undefined, name: string): Buffer {
  return Buffer.from(d.namespaced ? `${REGISTRY}${d.storagePrefix}/${namespace}/${name}` : `${REGISTRY}${d.storagePrefix}/${name}`);
}

/** The prefix of a list: every namespace when namespace is empty. Always ends with '/'. */
export function listPrefix(d: ResourceDescriptor, namespace: string | undefined): string {
  return d.namespaced && namespace ? `${REGISTRY}${d.storagePrefix}/${namespace}/` : `${REGISTRY}${d.storagePrefix}/`;
}

/** The first key after every key that starts with prefix. */
export function prefixEnd(prefix: string): Buffer {
  const b = Buffer.from(prefix);
  b[b.length - 1]! += 1;
  return b;
}
