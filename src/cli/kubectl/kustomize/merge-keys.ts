// The merge keys kyaml's schema gives the lists strategic-merge patches merge by (the rest are
// replaced whole): containers by name, their ports by containerPort, a Service's ports by port…
export function mergeKeyFor(path: string[], field: string): string | undefined {
  const inContainer = path.some((p) => p === 'containers' || p === 'initContainers' || p === 'ephemeralContainers');
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'ports':
      return inContainer ? 'containerPort' : 'port';
    case 'hostAliases':
      return 'ip';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    default:
      return undefined;
  }
}
