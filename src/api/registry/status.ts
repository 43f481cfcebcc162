// The status a new object starts with (upstream strategies' PrepareForCreate): clients cannot
// set status on create, except for nodes; pods start Pending with their QoS class.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';

interface Resources { requests?: Record<string, string>; limits?: Record<string, string> }
interface Container { resources?: Resources }

/** v1.PodQOSClass from the containers' requests and limits. */
export function qosClass(spec: { containers?: Container[]; initContainers?: Container[] } | undefined): string {
  const cs = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  const relevant = (r: Record<string, string> | undefined) => Object.entries(r ?? {}).filter(([k]) => k === 'cpu' || k === 'memory');
  if (cs.every((c) => !relevant(c.resources?.requests).length && !relevant(c.resources?.limits).length)) return 'BestEffort';
  const guaranteed = cs.every((c) => {
    const lim = Object.fromEntries(relevant(c.resources?.limits));
    const req = Object.fromEntries(relevant(c.resources?.requests));
    return lim.cpu !== undefined && lim.memory !== undefined && ['cpu', 'memory'].every((k) => (req[k] ?? lim[k]) === lim[k]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** now: RFC 3339, for the timestamps a fresh status carries (a PV's lastPhaseTransitionTime). */
export function initialStatus(d: ResourceDescriptor, obj: KObject, now: string): void {
  if (!d.statusSubresource || (d.group === '' && d.plural === 'nodes')) return;
  const key = `${d.group}/${d.plural}`;
  switch (key) {
    case '/pods':
      obj.status = { phase: 'Pending', qosClass: qosClass(obj.spec as never) };
      return;
    case '/namespaces':
      obj.status = { phase: 'Active' };
      return;
    case '/persistentvolumes':
      obj.status = { phase: 'Pending', lastPhaseTransitionTime: now };
      return;
    case '/persistentvolumeclaims':
      obj.status = { phase: 'Pending' };
      return;
    case '/services':
      obj.status = { loadBalancer: {} };
      return;
    case 'storage.k8s.io/volumeattachments':
      obj.status = { attached: false };
      return;
    default:
      obj.status = {};
  }
}
