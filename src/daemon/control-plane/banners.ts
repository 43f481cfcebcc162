// The lines each control-plane component writes when it starts, as v1.32's binaries print them on
// a kubeadm control plane (call sites from k8s.io/apiserver v0.32 and the v1.32 components: e.g.
// `kubectl -n kube-system logs kube-scheduler-<node>` on a v1.32 cluster begins with these).
import type { ComponentLine } from '../../kubelet/static-pods/types.js';
import { klogEntry } from './klog.js';

const GOLANG = '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""';
const CLIENT_CA = 'client-ca::kube-system::extension-apiserver-authentication::client-ca-file';

/** host:port the component serves on (--bind-address, --secure-port); unset binds all addresses. */
function serving(flags: Record<string, string>, port: number): string {
  const addr = flags['bind-address'] ?? '';
  const host = addr === '' || addr === '0.0.0.0' || addr === '::' ? '[::]' : addr.includes(':') ? `[${addr}]` : addr;
  return `${host}:${flags['secure-port'] ?? port}`;
}

export function schedulerBanner(at: number, version: string, flags: Record<string, string>): ComponentLine[] {
  return [
    klogEntry('I', at, 'serving.go:386', 'Generated self-signed cert in-memory'),
    klogEntry('I', at, 'server.go:166', `"Starting Kubernetes Scheduler" version="${version}"`),
    klogEntry('I', at, 'server.go:168', GOLANG),
    klogEntry('I', at, 'configmap_cafile_content.go:205', `"Starting controller" name="${CLIENT_CA}"`),
    klogEntry('I', at, 'secure_serving.go:213', `Serving securely on ${serving(flags, 10259)}`),
    klogEntry('I', at, 'shared_informer.go:313', `Waiting for caches to sync for ${CLIENT_CA}`),
    klogEntry('I', at, 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"'),
    klogEntry('I', at, 'shared_informer.go:320', `Caches are synced for ${CLIENT_CA}`),
  ];
}

/** `inNode` turns a flag's host path back into the path the manifest gave. */
export function controllerManagerBanner(at: number, version: string, flags: Record<string, string>, inNode: (p: string) => string): ComponentLine[] {
  const files = [['request-header', flags['requestheader-client-ca-file']], ['client-ca-bundle', flags['client-ca-file']]] as const;
  return [
    klogEntry('I', at, 'serving.go:386', 'Generated self-signed cert in-memory'),
    klogEntry('I', at, 'controllermanager.go:185', `"Starting" version="${version}"`),
    klogEntry('I', at, 'controllermanager.go:187', GOLANG),
    ...files.filter(([, f]) => f).map(([name, f]) => klogEntry('I', at, 'dynamic_cafile_content.go:161', `"Starting controller" name="${name}::${inNode(f!)}"`)),
    klogEntry('I', at, 'secure_serving.go:213', `Serving securely on ${serving(flags, 10257)}`),
    klogEntry('I', at, 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"'),
  ];
}

export function apiserverBanner(at: number, version: string, advertise: string, port: number): ComponentLine[] {
  return [
    klogEntry('I', at, 'options.go:238', `external host was not specified, using ${advertise}`),
    klogEntry('I', at, 'server.go:147', `Version: ${version}`),
    klogEntry('I', at, 'server.go:149', GOLANG),
    klogEntry('I', at, 'secure_serving.go:213', `Serving securely on 127.0.0.1:${port}`),
    klogEntry('I', at, 'tlsconfig.go:243', '"Starting DynamicServingCertificateController"'),
  ];
}
