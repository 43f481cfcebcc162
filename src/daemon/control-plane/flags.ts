// The command lines of kube-scheduler and kube-controller-manager as their pflag sets read them:
// known flags only (an unknown one stops the component, as `Error: unknown flag: --x`),
// booleans with or without `=value`, the others needing a value.

export interface FlagSpec {
  booleans: string[];
  values: string[];
  /** Flags whose values are files (mapped under the node root like the kubelet's hostPath mounts). */
  paths: string[];
  durations: string[];
}

const SERVING = ['authentication-kubeconfig', 'authentication-token-webhook-cache-ttl', 'authorization-always-allow-paths',
  'authorization-kubeconfig', 'authorization-webhook-cache-authorized-ttl', 'authorization-webhook-cache-unauthorized-ttl',
  'bind-address', 'cert-dir', 'client-ca-file', 'feature-gates', 'http2-max-streams-per-connection', 'kube-api-burst',
  'kube-api-content-type', 'kube-api-qps', 'kubeconfig', 'leader-elect-lease-duration', 'leader-elect-renew-deadline',
  'leader-elect-resource-lock', 'leader-elect-resource-name', 'leader-elect-resource-namespace', 'leader-elect-retry-period',
  'log-flush-frequency', 'logging-format', 'master', 'requestheader-allowed-names', 'requestheader-client-ca-file',
  'requestheader-extra-headers-prefix', 'requestheader-group-headers', 'requestheader-username-headers', 'secure-port',
  'show-hidden-metrics-for-version', 'tls-cert-file', 'tls-cipher-suites', 'tls-min-version', 'tls-private-key-file',
  'tls-sni-cert-key', 'v', 'vmodule'];
const SERVING_BOOLS = ['authentication-skip-lookup', 'authentication-tolerate-lookup-failure', 'contention-profiling', 'help',
  'leader-elect', 'permit-address-sharing', 'permit-port-sharing', 'profiling', 'version'];
const SERVING_PATHS = ['authentication-kubeconfig', 'authorization-kubeconfig', 'cert-dir', 'client-ca-file', 'kubeconfig',
  'requestheader-client-ca-file', 'tls-cert-file', 'tls-private-key-file'];
const LEADER_DURATIONS = ['leader-elect-lease-duration', 'leader-elect-renew-deadline', 'leader-elect-retry-period'];

export const SCHEDULER_FLAGS: FlagSpec = {
  booleans: SERVING_BOOLS,
  values: [...SERVING, 'config', 'pod-max-in-unschedulable-pods-duration', 'write-config-to'],
  paths: [...SERVING_PATHS, 'config'],
  durations: [...LEADER_DURATIONS, 'pod-max-in-unschedulable-pods-duration'],
};

const KCM_DURATIONS = ['attach-detach-reconcile-sync-period', 'cluster-signing-duration', 'endpoint-updates-batch-period',
  'endpointslice-updates-batch-period', 'horizontal-pod-autoscaler-cpu-initialization-period',
  'horizontal-pod-autoscaler-downscale-stabilization', 'horizontal-pod-autoscaler-initial-readiness-delay',
  'horizontal-pod-autoscaler-sync-period', 'min-resync-period', 'namespace-sync-period', 'node-monitor-grace-period',
  'node-monitor-period', 'node-startup-grace-period', 'pvclaimbinder-sync-period', 'resource-quota-sync-period',
  'route-reconciliation-period', 'controller-start-interval'];
const KCM_SIGNING = ['cluster-signing-cert-file', 'cluster-signing-key-file', 'cluster-signing-kube-apiserver-client-cert-file',
  'cluster-signing-kube-apiserver-client-key-file', 'cluster-signing-kubelet-client-cert-file', 'cluster-signing-kubelet-client-key-file',
  'cluster-signing-kubelet-serving-cert-file', 'cluster-signing-kubelet-serving-key-file', 'cluster-signing-legacy-unknown-cert-file',
  'cluster-signing-legacy-unknown-key-file'];
const KCM_VALUES = ['cidr-allocator-type', 'cloud-config', 'cloud-provider', 'cluster-cidr', 'cluster-name', 'concurrent-cron-job-syncs',
  'concurrent-daemonset-syncs', 'concurrent-deployment-syncs', 'concurrent-endpoint-syncs', 'concurrent-gc-syncs',
  'concurrent-horizontal-pod-autoscaler-syncs', 'concurrent-job-syncs', 'concurrent-namespace-syncs', 'concurrent-rc-syncs',
  'concurrent-replicaset-syncs', 'concurrent-resource-quota-syncs', 'concurrent-service-endpoint-syncs', 'concurrent-service-syncs',
  'concurrent-serviceaccount-token-syncs', 'concurrent-statefulset-syncs', 'concurrent-ttl-after-finished-syncs', 'controllers',
  'external-cloud-volume-plugin', 'flex-volume-plugin-dir', 'horizontal-pod-autoscaler-tolerance', 'large-cluster-size-threshold',
  'leader-migration-config', 'max-endpoints-per-slice', 'node-cidr-mask-size', 'node-cidr-mask-size-ipv4', 'node-cidr-mask-size-ipv6',
  'node-eviction-rate', 'root-ca-file', 'secondary-node-eviction-rate', 'service-account-private-key-file', 'service-cluster-ip-range',
  'terminated-pod-gc-threshold', 'unhealthy-zone-threshold'];

export const CONTROLLER_MANAGER_FLAGS: FlagSpec = {
  booleans: [...SERVING_BOOLS, 'allocate-node-cidrs', 'configure-cloud-routes', 'disable-attach-detach-reconcile-sync',
    'enable-dynamic-provisioning', 'enable-garbage-collector', 'enable-hostpath-provisioner', 'enable-leader-migration',
    'use-service-account-credentials'],
  values: [...SERVING, ...KCM_DURATIONS, ...KCM_SIGNING, ...KCM_VALUES],
  paths: [...SERVING_PATHS, ...KCM_SIGNING, 'root-ca-file', 'service-account-private-key-file', 'cloud-config', 'leader-migration-config'],
  durations: [...LEADER_DURATIONS, ...KCM_DURATIONS],
};

const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$/;

/** The flags as name → value, or the component's startup error. */
export function parseComponentFlags(args: string[], spec: FlagSpec): { flags: Record<string, string> } | { error: string } {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(args[i]!);
    if (!m) continue; // positional arguments are ignored by these commands
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (spec.booleans.includes(name)) {
      const v = inline ?? 'true';
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(v)) return { error: `Error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax` };
      flags[name] = ['true', '1', 't', 'TRUE', 'True'].includes(v) ? 'true' : 'false';
      continue;
    }
    if (!spec.values.includes(name)) return { error: `Error: unknown flag: --${name}` };
    const v = inline ?? args[++i];
    if (v === undefined) return { error: `Error: flag needs an argument: --${name}` };
    if (spec.durations.includes(name) && !DURATION.test(v)) return { error: `Error: invalid argument "${v}" for "--${name}" flag: time: invalid duration "${v}"` };
    flags[name] = v;
  }
  return { flags };
}
