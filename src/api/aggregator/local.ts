// The local APIServices kube-apiserver's autoregister controller keeps for the group-versions it
// serves itself (`v1.`, `v1.apps`, `v2.autoscaling`…, labelled automanaged onstart, no Service:
// `kubectl get apiservices` shows them Local), with the group and version priorities upstream
// gives them (pkg/controlplane/apiserver and cmd/kube-apiserver's apiVersionPriorities). A
// group-version without a priority is skipped, as upstream skips it.
import type { KObject } from '../types.js';
import type { Registry } from '../registry/rest.js';
import { systemContext } from '../registry/context.js';
import { apiService } from '../resources/apiservice.js';

const SYSTEM = systemContext({ name: 'system:apiserver', groups: ['system:masters'] });

/** [group priority minimum, version priority] by `group/version` ('' group: `/v1`). */
export const PRIORITIES: Readonly<Record<string, [number, number]>> = {
  '/v1': [18000, 1],
  'apps/v1': [17800, 15],
  'events.k8s.io/v1': [17750, 15],
  'authentication.k8s.io/v1': [17700, 15],
  'authorization.k8s.io/v1': [17600, 15],
  'autoscaling/v1': [17500, 15],
  'autoscaling/v2': [17500, 30],
  'batch/v1': [17400, 15],
  'certificates.k8s.io/v1': [17300, 15],
  'networking.k8s.io/v1': [17200, 15],
  'policy/v1': [17100, 15],
  'rbac.authorization.k8s.io/v1': [17000, 15],
  'storage.k8s.io/v1': [16800, 15],
  'apiextensions.k8s.io/v1': [16700, 15],
  'admissionregistration.k8s.io/v1': [16700, 15],
  'scheduling.k8s.io/v1': [16600, 15],
  'coordination.k8s.io/v1': [16500, 15],
  'node.k8s.io/v1': [16300, 15],
  'discovery.k8s.io/v1': [16200, 15],
  'flowcontrol.apiserver.k8s.io/v1': [16100, 21],
};

export const AUTOMANAGED = 'kube-aggregator.kubernetes.io/automanaged';

/** The local APIService of a served group-version, or undefined when it has no priority. */
export function localAPIService(group: string, version: string): KObject | undefined {
  const p = PRIORITIES[`${group}/${version}`];
  if (!p) return undefined;
  return {
    apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService',
    metadata: { name: `${version}.${group}`, labels: { [AUTOMANAGED]: 'onstart' } },
    spec: { group, version, groupPriorityMinimum: p[0], versionPriority: p[1] },
  };
}

/** Creates the missing local APIServices of the served group-versions. */
export async function registerLocal(registry: Registry, served: { group: string; versions: string[] }[]): Promise<void> {
  for (const g of served) {
    for (const v of g.versions) {
      const obj = localAPIService(g.group, v);
      if (!obj || (await registry.storage.tryGet(apiService, undefined, obj.metadata.name!))) continue;
      try {
        await registry.create(apiService, undefined, obj, SYSTEM);
      } catch (err) {
        if ((err as { code?: number }).code !== 409) throw err;
      }
    }
  }
}
