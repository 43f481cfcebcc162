// First start (and every start after, idempotently): the objects a fresh kubeadm cluster holds
// and the default RBAC policy, created through the apiserver's registry as the system.
import type { Registry } from '../api/registry/rest.js';
import { systemContext } from '../api/registry/context.js';
import type { KObject } from '../api/types.js';
import { findByKind } from '../api/resources/index.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles } from '../api/rbac/policy/bootstrap.js';
import { bootstrapObjects } from './bootstrap/objects.js';
import type { ClusterConfig } from './layout.js';

const SYSTEM = systemContext({ name: 'system:apiserver', groups: ['system:masters'] });

function descriptorOf(obj: KObject) {
  const [group, version] = obj.apiVersion!.includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion!];
  const d = findByKind(group!, version!, obj.kind!);
  if (!d) throw new Error(`seed: no resource for ${obj.apiVersion} ${obj.kind}`);
  return d;
}

export async function seedCluster(registry: Registry, config: ClusterConfig, caCertPem: string, log: (line: string) => void): Promise<void> {
  const objects = [
    ...bootstrapObjects(config, { caCertPem, now: new Date(registry.gen.now()).toISOString() }),
    ...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings(), ...bootstrapRoles(), ...bootstrapRoleBindings(),
  ];
  let created = 0;
  for (const obj of objects) {
    const d = descriptorOf(obj);
    const ns = d.namespaced ? obj.metadata.namespace : undefined;
    if (await registry.storage.tryGet(d, ns, obj.metadata.name!)) continue;
    try {
      await registry.create(d, ns, obj, SYSTEM);
      created++;
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
    }
  }
  if (created) log(`created ${created} bootstrap objects`);
}
