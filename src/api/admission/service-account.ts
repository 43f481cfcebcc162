// ServiceAccount admission for pods: the default service account, and the projected
// kube-api-access volume mounted into every container (upstream's layout and names). A pod
// created just after its namespace may arrive before the serviceaccount controller has made the
// namespace's `default` account: upstream then looks it up again, up to ten times in all, one
// random 100–199 ms interval apart, so `create ns x && run -n x` works; so does this.
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { serviceAccount } from '../resources/serviceaccount.js';
import { forbidden } from '../errors.js';
import { randomSuffix } from '../registry/context.js';

const MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

interface Container { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }
interface PodSpec {
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  volumes?: { name: string; projected?: unknown }[];
  containers?: Container[];
  initContainers?: Container[];
}

function tokenVolume(name: string): { name: string; projected: unknown } {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

function mount(spec: PodSpec, suffix: string): void {
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (all.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === MOUNT))) return;
  const name = `kube-api-access-${suffix}`;
  spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
  for (const c of all) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: MOUNT, name, readOnly: true }];
}

/** How long to wait between lookups of a `default` account that is not there yet. */
export interface LookupRetry {
  interval(): number;
  sleep(ms: number): Promise<void>;
}

const DEFAULT_ATTEMPTS = 10;
const realRetry: LookupRetry = {
  interval: () => 100 + Math.floor(Math.random() * 100),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

async function lookup(storage: ObjectStorage, namespace: string | undefined, name: string, retry: LookupRetry): Promise<KObject | undefined> {
  const attempts = name === 'default' ? DEFAULT_ATTEMPTS : 1;
  const interval = retry.interval();
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await retry.sleep(interval);
    const sa = await storage.tryGet(serviceAccount, namespace, name);
    if (sa) return sa;
  }
  return undefined;
}

export function serviceAccountAdmission(storage: ObjectStorage, suffix: () => string = randomSuffix, retry: LookupRetry = realRetry): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    async admit(req) {
      if (req.op !== 'CREATE' || req.d.plural !== 'pods' || req.d.group !== '' || req.subresource || !req.obj) return;
      if (req.obj.metadata.annotations?.['kubernetes.io/config.mirror']) return;
      const spec = (req.obj.spec ??= {}) as PodSpec;
      spec.serviceAccountName ||= spec.serviceAccount || 'default';
      spec.serviceAccount = spec.serviceAccountName;
      const sa = await lookup(storage, req.namespace, spec.serviceAccountName, retry);
      if (!sa) {
        throw forbidden({ group: '', resource: 'pods' }, req.name, `error looking up service account ${req.namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
      }
      const auto = spec.automountServiceAccountToken ?? (sa as { automountServiceAccountToken?: boolean }).automountServiceAccountToken ?? true;
      if (auto) mount(spec, suffix());
    },
  };
}
