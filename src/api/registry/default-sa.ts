// Every namespace gets its `default` ServiceAccount as soon as it exists. Upstream the
// serviceaccount controller does this within moments of the namespace appearing; here the
// registry does it right after the create so a pod can be created in a fresh namespace at once.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { serviceAccount } from '../resources/serviceaccount.js';
import type { Registry } from './rest.js';
import { systemContext } from './context.js';

const SYSTEM = systemContext({ name: 'system:serviceaccount:kube-system:service-account-controller', groups: ['system:serviceaccounts', 'system:authenticated'] });

export function defaultServiceAccount(registry: Registry): (d: ResourceDescriptor, obj: KObject) => Promise<void> {
  return async (d, obj) => {
    if (d.group !== '' || d.plural !== 'namespaces') return;
    const ns = obj.metadata.name!;
    if (await registry.storage.tryGet(serviceAccount, ns, 'default')) return;
    try {
      await registry.create(serviceAccount, ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } }, SYSTEM);
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
    }
  };
}
