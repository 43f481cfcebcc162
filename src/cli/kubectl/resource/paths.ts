// REST paths of a discovered resource (the client's path rules, with an optional namespace).
import { queryString, resourcePath } from '../../../client/paths.js';
import type { ResourceRef } from '../../../client/types.js';

export function collectionPath(r: ResourceRef, namespace: string | undefined): string {
  return resourcePath(r, namespace ?? '');
}

export function objectPath(r: ResourceRef, namespace: string | undefined, name: string, sub?: string): string {
  return resourcePath(r, namespace ?? '', name, sub);
}

export const query = queryString;
