// NamespaceLifecycle (first of the chain): no content in a missing or terminating namespace; the system namespaces
// cannot be deleted. As upstream's plugin, it reads namespaces from a cache kept by a watch (a store
// read per create cost the busiest write paths ~5%), and asks the store itself when the cache does
// not have the namespace or it was deleted through this apiserver in the last 30 seconds (the
// cache may not have seen it terminate yet).
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { Mirror } from '../storage/mirror.js';
import { namespace } from '../resources/namespace.js';
import { forbidden, notFound } from '../errors.js';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);
const FORCE_LIVE_LOOKUP_MS = 30_000;

/** The namespaces, as the plugin's lister sees them. */
export class NamespaceCache extends Mirror {
  constructor(storage: ObjectStorage) {
    super(storage, namespace);
  }
  get(name: string): KObject | undefined {
    return this.byKey.get(`/${name}`);
  }
}

export function namespaceLifecycle(storage: ObjectStorage, cache?: NamespaceCache, now: () => number = Date.now): AdmissionPlugin {
  const forceLive = new Map<string, number>();
  const lookup = async (name: string): Promise<KObject | undefined> => {
    const until = forceLive.get(name);
    if (until !== undefined && until <= now()) forceLive.delete(name);
    const cached = forceLive.has(name) ? undefined : cache?.get(name);
    return cached ?? storage.tryGet(namespace, undefined, name);
  };
  return {
    name: 'NamespaceLifecycle',
    async admit(req) {
      const gr = { group: req.d.group, resource: req.d.plural };
      if (req.op === 'DELETE' && req.d.plural === 'namespaces' && req.d.group === '') {
        if (IMMORTAL.has(req.name)) throw forbidden(gr, req.name, 'this namespace may not be deleted');
        forceLive.set(req.name, now() + FORCE_LIVE_LOOKUP_MS);
        return;
      }
      if (req.op !== 'CREATE' || !req.d.namespaced || !req.namespace) return;
      const ns = await lookup(req.namespace);
      if (!ns) throw notFound({ group: '', resource: 'namespaces' }, req.namespace);
      if ((ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
        throw forbidden(gr, req.name, `unable to create new content in namespace ${req.namespace} because it is being terminated`);
      }
    },
  };
}
