// The HPA's target through its /scale subresource: which resource a scaleTargetRef names (the
// RESTMapper's answer for the kinds with a scale subresource here), reading the Scale and
// writing spec.replicas back.
import type { Client, ResourceRef } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { Scale } from './types.js';
import type { DiscoveredResource } from '../../client/discovery.js';

const SCALABLE: Record<string, ResourceRef> = {
  'apps/Deployment': REFS.deployments,
  'apps/ReplicaSet': REFS.replicasets,
  'apps/StatefulSet': REFS.statefulsets,
  '/ReplicationController': REFS.replicationcontrollers,
};

/** schema.ParseGroupVersion's group, or its error. */
function groupOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (apiVersion === '' || (parts.length === 1 && parts[0])) return '';
  if (parts.length === 2 && parts[0] && parts[1]) return parts[0];
  throw new Error(`unexpected GroupVersion string: ${apiVersion}`);
}

/**
 * The resource for a scaleTargetRef: the built-in scalable kinds, else what discovery serves for the
 * group and kind (a custom resource with a scale subresource); throws as the RESTMapper would for
 * an unknown kind.
 */
export async function scaleTargetResource(apiVersion: string | undefined, kind: string, discover?: () => Promise<DiscoveredResource[]>): Promise<ResourceRef> {
  const group = groupOf(apiVersion ?? '');
  const ref = SCALABLE[`${group}/${kind}`] ?? (await discover?.())?.find((r) => r.group === group && r.kind === kind && !r.resource.includes('/'));
  if (!ref) throw new Error(`no matches for kind "${kind}" in group "${group}"`);
  return ref;
}

export function getScale(client: Client, ref: ResourceRef, namespace: string, name: string): Promise<Scale> {
  return client.get<Scale>(ref, namespace, name, 'scale');
}

export function updateScale(client: Client, ref: ResourceRef, scale: Scale, replicas: number): Promise<Scale> {
  const next: Scale = { ...scale, apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { ...(scale.spec ?? {}), replicas } };
  return client.update<Scale>(ref, next, { subresource: 'scale' });
}
