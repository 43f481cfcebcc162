// NamespaceLifecycle (first of the chain): no content in a missing or terminating namespace; the system namespaces
// cannot be deleted.
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import { namespace } from '../resources/namespace.js';
import { forbidden, notFound } from '../errors.js';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export function namespaceLifecycle(storage: ObjectStorage): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    async admit(req) {
      const gr = { group: req.d.group, resource: req.d.plural };
      if (req.op === 'DELETE' && req.d.plural === 'namespaces' && req.d.group === '' && IMMORTAL.has(req.name)) {
        throw forbidden(gr, req.name, 'this namespace may not be deleted');
      }
      if (req.op !== 'CREATE' || !req.d.namespaced || !req.namespace) return;
      const ns = await storage.tryGet(namespace, undefined, req.namespace);
      if (!ns) throw notFound({ group: '', resource: 'namespaces' }, req.namespace);
      if ((ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
        throw forbidden(gr, req.name, `unable to create new content in namespace ${req.namespace} because it is being terminated`);
      }
    },
  };
}
