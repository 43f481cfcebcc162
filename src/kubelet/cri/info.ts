// The verbose `info` maps containerd adds to status answers (crictl inspect/inspectp/inspecti/info
// show them as top-level keys): every value a JSON text.
import type { ContainerEntry, ImageEntry, SandboxEntry } from './state.js';

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
const RUNTIME_TYPE = 'io.containerd.runc.v2';
const RUNTIME_OPTIONS = { systemd_cgroup: true };
const SNAPSHOTTER = 'overlayfs';


/** ContainerStatus info: containerd's ContainerInfo, under the key `info`. */
export function containerInfo(c: ContainerEntry, s: SandboxEntry | undefined): Record<string, string> {
  const config = {
    metadata: { name: c.name, attempt: c.attempt }, image: { image: c.image, user_specified_image: c.userImage },
    command: c.command, args: c.args, working_dir: c.workingDir, envs: c.envs,
    mounts: c.mounts.map((m) => ({ container_path: m.containerPath, host_path: m.hostPath, readonly: m.readonly })),
    labels: c.labels, annotations: c.annotations, log_path: logPathIn(c, s),
    linux: { resources: { cpu_period: 100000, cpu_shares: 2, oom_score_adj: 1000 }, security_context: { namespace_options: { pid: 1 }, run_as_user: {} } },
  };
  const runtimeSpec = {
    ociVersion: '1.2.0',
    process: { user: { uid: 0, gid: 0, additionalGids: [0] }, args: [...c.command, ...c.args], env: c.envs.map((e) => `${e.key}=${e.value}`), cwd: c.workingDir || '/' },
    root: { path: 'rootfs' },
    mounts: [{ destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] }],
    annotations: { 'io.kubernetes.cri.container-type': 'container', 'io.kubernetes.cri.container-name': c.name, 'io.kubernetes.cri.sandbox-id': c.sandboxId },
    linux: { namespaces: [{ type: 'pid' }, { type: 'ipc', path: `/proc/${s?.pid ?? 0}/ns/ipc` }, { type: 'network', path: `/proc/${s?.pid ?? 0}/ns/net` }, { type: 'mount' }] },
  };
  const info = { sandboxID: c.sandboxId, pid: c.state === 'CONTAINER_RUNNING' ? c.pid : 0, removing: false, snapshotKey: c.id, snapshotter: SNAPSHOTTER, runtimeType: RUNTIME_TYPE, runtimeOptions: RUNTIME_OPTIONS, config, runtimeSpec };
  return { info: JSON.stringify(info) };
}

/** The log path relative to the pod's log directory, as the kubelet passes it. */
function logPathIn(c: ContainerEntry, s: SandboxEntry | undefined): string {
  if (!s) return c.logPath;
  return c.logPath.replace(/^\/var\/log\/pods\/[^/]+\//, '');
}

/** PodSandboxStatus info (containerd's SandboxInfo), under the key `info`. */
export function sandboxInfo(s: SandboxEntry): Record<string, string> {
  const ready = s.state === 'SANDBOX_READY';
  const config = {
    metadata: { name: s.name, uid: s.uid, namespace: s.namespace, attempt: s.attempt }, hostname: s.name,
    log_directory: `/var/log/pods/${s.namespace}_${s.name}_${s.uid}`, dns_config: s.dns ?? { servers: ['10.96.0.10'], searches: [`${s.namespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] },
    labels: s.labels, annotations: s.annotations,
    linux: { cgroup_parent: `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${s.uid.replace(/-/g, '_')}.slice`, security_context: { namespace_options: { network: s.hostNetwork ? 2 : 0, pid: 1 } } },
  };
  const runtimeSpec = { ociVersion: '1.2.0', process: { user: { uid: 65535, gid: 65535 }, args: ['/pause'], cwd: '/' }, root: { path: 'rootfs', readonly: true }, hostname: s.name };
  const cniResult = ready && !s.hostNetwork ? { Interfaces: { eth0: { IPConfigs: [{ IP: s.ip, Gateway: s.ip.replace(/\.\d+$/, '.1') }], Mac: '', Sandbox: `/var/run/netns/cni-${s.id.slice(0, 8)}` } }, DNS: [{}, {}], Routes: null } : null;
  const info = {
    pid: ready ? s.pid : 0, processStatus: ready ? 'running' : 'deleted', netNamespaceClosed: !ready, image: PAUSE_IMAGE, snapshotKey: s.id, snapshotter: SNAPSHOTTER,
    runtimeType: RUNTIME_TYPE, runtimeOptions: RUNTIME_OPTIONS, config, runtimeSpec, cniResult,
    sandboxMetadata: { ID: s.id, Name: `${s.name}_${s.namespace}_${s.uid}_${s.attempt}`, Config: config, NetNSPath: ready ? `/var/run/netns/cni-${s.id.slice(0, 8)}` : '', IP: ready ? s.ip : '', AdditionalIPs: null, RuntimeHandler: s.runtimeHandler, CNIResult: cniResult },
  };
  return { info: JSON.stringify(info) };
}

/** ImageStatus info: the chain ID and the OCI image config. */
export function imageInfo(i: ImageEntry): Record<string, string> {
  const hex = i.id.replace(/^sha256:/, '');
  const imageSpec = {
    created: '2024-11-12T00:00:00Z', architecture: 'amd64', os: 'linux',
    config: { Env: i.config?.env ?? ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Entrypoint: i.config?.entrypoint ?? null, Cmd: i.config?.cmd ?? null, WorkingDir: i.config?.workingDir ?? '' },
    rootfs: { type: 'layers', diff_ids: [`sha256:${[...hex].reverse().join('')}`] },
  };
  return { info: JSON.stringify({ chainID: `sha256:${[...hex].reverse().join('')}`, imageSpec }) };
}

/** Status info for `crictl info`: containerd 2.0's config and CNI state, one key each. */
export function runtimeInfo(): Record<string, string> {
  const config = {
    containerd: { defaultRuntimeName: 'runc', runtimes: { runc: { runtimeType: RUNTIME_TYPE, options: { SystemdCgroup: true }, sandboxer: 'podsandbox', snapshotter: '' } }, ignoreBlockIONotEnabledErrors: false, ignoreRdtNotEnabledErrors: false },
    cni: { binDir: '/opt/cni/bin', confDir: '/etc/cni/net.d', maxConfNum: 1, setupSerially: false, confTemplate: '', ipPref: '', useInternalLoopback: false },
    enableSelinux: false, selinuxCategoryRange: 1024, maxContainerLogSize: 16384, disableApparmor: false, restrictOOMScoreAdj: false, disableProcMount: false,
    unsetSeccompProfile: '', tolerateMissingHugetlbController: true, disableHugetlbController: true, device_ownership_from_security_context: false,
    ignoreImageDefinedVolumes: false, netnsMountsUnderStateDir: false, enableUnprivilegedPorts: true, enableUnprivilegedICMP: true, enableCDI: true,
    cdiSpecDirs: ['/etc/cdi', '/var/run/cdi'], drainExecSyncIOTimeout: '0s', ignoreDeprecationWarnings: null,
    containerdRootDir: '/var/lib/containerd', containerdEndpoint: '/run/containerd/containerd.sock',
    rootDir: '/var/lib/containerd/io.containerd.grpc.v1.cri', stateDir: '/run/containerd/io.containerd.grpc.v1.cri',
    sandboxImage: PAUSE_IMAGE,
  };
  const cniconfig = { PluginDirs: ['/opt/cni/bin'], PluginConfDir: '/etc/cni/net.d', PluginMaxConfNum: 1, Prefix: 'eth', Networks: [{ Config: { Name: 'cni-loopback', CNIVersion: '0.3.1', Plugins: [{ Network: { type: 'loopback' }, Source: '{"type":"loopback"}' }] }, IFName: 'lo' }] };
  return { cniconfig: JSON.stringify(cniconfig), config: JSON.stringify(config), golang: JSON.stringify('go1.23.2'), lastCNILoadStatus: JSON.stringify('OK'), 'lastCNILoadStatus.default': JSON.stringify('OK') };
}

