// TypeScript shapes of the CRI runtime.v1 messages of ./api.proto exactly as @grpc/proto-loader
// decodes them with CRI_LOADER_OPTIONS (client.ts): fields lowerCamel, every field present
// (defaults: true), int64/uint64 as decimal strings, enums as their names, bytes as Buffers,
// repeated fields as arrays, maps as records, and an unset message field as null.
// A mirror of the schema (one declaration per message), hence longer than the house limit.

/** What a sender may pass: any field may be left out (the encoder fills in the default). */
export type CriInput<T> = T extends Buffer
  ? Buffer
  : T extends (infer U)[]
    ? CriInput<U>[]
    : T extends object
      ? { [K in keyof T]?: CriInput<T[K]> | null }
      : T;

export type ProfileType = 'RuntimeDefault' | 'Unconfined' | 'Localhost';
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type MountPropagation = 'PROPAGATION_PRIVATE' | 'PROPAGATION_HOST_TO_CONTAINER' | 'PROPAGATION_BIDIRECTIONAL';
export type NamespaceMode = 'POD' | 'CONTAINER' | 'NODE' | 'TARGET';
export type SupplementalGroupsPolicy = 'Merge' | 'Strict';
export type PodSandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED' | 'CONTAINER_UNKNOWN';
export type ContainerEventType = 'CONTAINER_CREATED_EVENT' | 'CONTAINER_STARTED_EVENT' | 'CONTAINER_STOPPED_EVENT' | 'CONTAINER_DELETED_EVENT';
export type MetricType = 'COUNTER' | 'GAUGE';
export type CgroupDriver = 'SYSTEMD' | 'CGROUPFS';

export interface VersionRequest {
  version: string;
}
export interface VersionResponse {
  version: string;
  runtimeName: string;
  runtimeVersion: string;
  runtimeApiVersion: string;
}
export interface DNSConfig {
  servers: string[];
  searches: string[];
  options: string[];
}
export interface PortMapping {
  protocol: Protocol;
  containerPort: number;
  hostPort: number;
  hostIp: string;
}
export interface Mount {
  containerPath: string;
  hostPath: string;
  readonly: boolean;
  selinuxRelabel: boolean;
  propagation: MountPropagation;
  uidMappings: IDMapping[];
  gidMappings: IDMapping[];
  recursiveReadOnly: boolean;
  image: ImageSpec | null;
}
export interface IDMapping {
  hostId: number;
  containerId: number;
  length: number;
}
export interface UserNamespace {
  mode: NamespaceMode;
  uids: IDMapping[];
  gids: IDMapping[];
}
export interface NamespaceOption {
  network: NamespaceMode;
  pid: NamespaceMode;
  ipc: NamespaceMode;
  targetId: string;
  usernsOptions: UserNamespace | null;
}
export interface Int64Value {
  value: string;
}
export interface LinuxSandboxSecurityContext {
  namespaceOptions: NamespaceOption | null;
  selinuxOptions: SELinuxOption | null;
  runAsUser: Int64Value | null;
  runAsGroup: Int64Value | null;
  readonlyRootfs: boolean;
  supplementalGroups: string[];
  supplementalGroupsPolicy: SupplementalGroupsPolicy;
  privileged: boolean;
  seccomp: SecurityProfile | null;
  apparmor: SecurityProfile | null;
  seccompProfilePath: string;
}
export interface SecurityProfile {
  profileType: ProfileType;
  localhostRef: string;
}
export interface LinuxPodSandboxConfig {
  cgroupParent: string;
  securityContext: LinuxSandboxSecurityContext | null;
  sysctls: Record<string, string>;
  overhead: LinuxContainerResources | null;
  resources: LinuxContainerResources | null;
}
export interface PodSandboxMetadata {
  name: string;
  uid: string;
  namespace: string;
  attempt: number;
}
export interface PodSandboxConfig {
  metadata: PodSandboxMetadata | null;
  hostname: string;
  logDirectory: string;
  dnsConfig: DNSConfig | null;
  portMappings: PortMapping[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  linux: LinuxPodSandboxConfig | null;
  windows: WindowsPodSandboxConfig | null;
}
export interface RunPodSandboxRequest {
  config: PodSandboxConfig | null;
  runtimeHandler: string;
}
export interface RunPodSandboxResponse {
  podSandboxId: string;
}
export interface StopPodSandboxRequest {
  podSandboxId: string;
}
export type StopPodSandboxResponse = Record<string, never>;
export interface RemovePodSandboxRequest {
  podSandboxId: string;
}
export type RemovePodSandboxResponse = Record<string, never>;
export interface PodSandboxStatusRequest {
  podSandboxId: string;
  verbose: boolean;
}
export interface PodIP {
  ip: string;
}
export interface PodSandboxNetworkStatus {
  ip: string;
  additionalIps: PodIP[];
}
export interface Namespace {
  options: NamespaceOption | null;
}
export interface LinuxPodSandboxStatus {
  namespaces: Namespace | null;
}
export interface PodSandboxStatus {
  id: string;
  metadata: PodSandboxMetadata | null;
  state: PodSandboxState;
  createdAt: string;
  network: PodSandboxNetworkStatus | null;
  linux: LinuxPodSandboxStatus | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  runtimeHandler: string;
}
export interface PodSandboxStatusResponse {
  status: PodSandboxStatus | null;
  info: Record<string, string>;
  containersStatuses: ContainerStatus[];
  timestamp: string;
}
export interface PodSandboxStateValue {
  state: PodSandboxState;
}
export interface PodSandboxFilter {
  id: string;
  state: PodSandboxStateValue | null;
  labelSelector: Record<string, string>;
}
export interface ListPodSandboxRequest {
  filter: PodSandboxFilter | null;
}
export interface PodSandbox {
  id: string;
  metadata: PodSandboxMetadata | null;
  state: PodSandboxState;
  createdAt: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  runtimeHandler: string;
}
export interface ListPodSandboxResponse {
  items: PodSandbox[];
}
export interface PodSandboxStatsRequest {
  podSandboxId: string;
}
export interface PodSandboxStatsResponse {
  stats: PodSandboxStats | null;
}
export interface PodSandboxStatsFilter {
  id: string;
  labelSelector: Record<string, string>;
}
export interface ListPodSandboxStatsRequest {
  filter: PodSandboxStatsFilter | null;
}
export interface ListPodSandboxStatsResponse {
  stats: PodSandboxStats[];
}
export interface PodSandboxAttributes {
  id: string;
  metadata: PodSandboxMetadata | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface PodSandboxStats {
  attributes: PodSandboxAttributes | null;
  linux: LinuxPodSandboxStats | null;
  windows: WindowsPodSandboxStats | null;
}
export interface LinuxPodSandboxStats {
  cpu: CpuUsage | null;
  memory: MemoryUsage | null;
  network: NetworkUsage | null;
  process: ProcessUsage | null;
  containers: ContainerStats[];
}
export interface WindowsPodSandboxStats {
  cpu: WindowsCpuUsage | null;
  memory: WindowsMemoryUsage | null;
  network: WindowsNetworkUsage | null;
  process: WindowsProcessUsage | null;
  containers: WindowsContainerStats[];
}
export interface NetworkUsage {
  timestamp: string;
  defaultInterface: NetworkInterfaceUsage | null;
  interfaces: NetworkInterfaceUsage[];
}
export interface WindowsNetworkUsage {
  timestamp: string;
  defaultInterface: WindowsNetworkInterfaceUsage | null;
  interfaces: WindowsNetworkInterfaceUsage[];
}
export interface NetworkInterfaceUsage {
  name: string;
  rxBytes: UInt64Value | null;
  rxErrors: UInt64Value | null;
  txBytes: UInt64Value | null;
  txErrors: UInt64Value | null;
}
export interface WindowsNetworkInterfaceUsage {
  name: string;
  rxBytes: UInt64Value | null;
  rxPacketsDropped: UInt64Value | null;
  txBytes: UInt64Value | null;
  txPacketsDropped: UInt64Value | null;
}
export interface ProcessUsage {
  timestamp: string;
  processCount: UInt64Value | null;
}
export interface WindowsProcessUsage {
  timestamp: string;
  processCount: UInt64Value | null;
}
export interface ImageSpec {
  image: string;
  annotations: Record<string, string>;
  userSpecifiedImage: string;
  runtimeHandler: string;
}
export interface KeyValue {
  key: string;
  value: string;
}
export interface LinuxContainerResources {
  cpuPeriod: string;
  cpuQuota: string;
  cpuShares: string;
  memoryLimitInBytes: string;
  oomScoreAdj: string;
  cpusetCpus: string;
  cpusetMems: string;
  hugepageLimits: HugepageLimit[];
  unified: Record<string, string>;
  memorySwapLimitInBytes: string;
}
export interface HugepageLimit {
  pageSize: string;
  limit: string;
}
export interface SELinuxOption {
  user: string;
  role: string;
  type: string;
  level: string;
}
export interface Capability {
  addCapabilities: string[];
  dropCapabilities: string[];
  addAmbientCapabilities: string[];
}
export interface LinuxContainerSecurityContext {
  capabilities: Capability | null;
  privileged: boolean;
  namespaceOptions: NamespaceOption | null;
  selinuxOptions: SELinuxOption | null;
  runAsUser: Int64Value | null;
  runAsGroup: Int64Value | null;
  runAsUsername: string;
  readonlyRootfs: boolean;
  supplementalGroups: string[];
  supplementalGroupsPolicy: SupplementalGroupsPolicy;
  noNewPrivs: boolean;
  maskedPaths: string[];
  readonlyPaths: string[];
  seccomp: SecurityProfile | null;
  apparmor: SecurityProfile | null;
  apparmorProfile: string;
  seccompProfilePath: string;
}
export interface LinuxContainerConfig {
  resources: LinuxContainerResources | null;
  securityContext: LinuxContainerSecurityContext | null;
}
export interface LinuxContainerUser {
  uid: string;
  gid: string;
  supplementalGroups: string[];
}
export interface WindowsNamespaceOption {
  network: NamespaceMode;
}
export interface WindowsSandboxSecurityContext {
  runAsUsername: string;
  credentialSpec: string;
  hostProcess: boolean;
  namespaceOptions: WindowsNamespaceOption | null;
}
export interface WindowsPodSandboxConfig {
  securityContext: WindowsSandboxSecurityContext | null;
}
export interface WindowsContainerSecurityContext {
  runAsUsername: string;
  credentialSpec: string;
  hostProcess: boolean;
}
export interface WindowsContainerConfig {
  resources: WindowsContainerResources | null;
  securityContext: WindowsContainerSecurityContext | null;
}
export interface WindowsContainerResources {
  cpuShares: string;
  cpuCount: string;
  cpuMaximum: string;
  memoryLimitInBytes: string;
  rootfsSizeInBytes: string;
  affinityCpus: WindowsCpuGroupAffinity[];
}
export interface WindowsCpuGroupAffinity {
  cpuMask: string;
  cpuGroup: number;
}
export interface ContainerMetadata {
  name: string;
  attempt: number;
}
export interface Device {
  containerPath: string;
  hostPath: string;
  permissions: string;
}
export interface CDIDevice {
  name: string;
}
export interface ContainerConfig {
  metadata: ContainerMetadata | null;
  image: ImageSpec | null;
  command: string[];
  args: string[];
  workingDir: string;
  envs: KeyValue[];
  mounts: Mount[];
  devices: Device[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  logPath: string;
  stdin: boolean;
  stdinOnce: boolean;
  tty: boolean;
  linux: LinuxContainerConfig | null;
  windows: WindowsContainerConfig | null;
  CDIDevices: CDIDevice[];
}
export interface CreateContainerRequest {
  podSandboxId: string;
  config: ContainerConfig | null;
  sandboxConfig: PodSandboxConfig | null;
}
export interface CreateContainerResponse {
  containerId: string;
}
export interface StartContainerRequest {
  containerId: string;
}
export type StartContainerResponse = Record<string, never>;
export interface StopContainerRequest {
  containerId: string;
  timeout: string;
}
export type StopContainerResponse = Record<string, never>;
export interface RemoveContainerRequest {
  containerId: string;
}
export type RemoveContainerResponse = Record<string, never>;
export interface ContainerStateValue {
  state: ContainerState;
}
export interface ContainerFilter {
  id: string;
  state: ContainerStateValue | null;
  podSandboxId: string;
  labelSelector: Record<string, string>;
}
export interface ListContainersRequest {
  filter: ContainerFilter | null;
}
export interface Container {
  id: string;
  podSandboxId: string;
  metadata: ContainerMetadata | null;
  image: ImageSpec | null;
  imageRef: string;
  state: ContainerState;
  createdAt: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  imageId: string;
}
export interface ListContainersResponse {
  containers: Container[];
}
export interface ContainerStatusRequest {
  containerId: string;
  verbose: boolean;
}
export interface ContainerStatus {
  id: string;
  metadata: ContainerMetadata | null;
  state: ContainerState;
  createdAt: string;
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  image: ImageSpec | null;
  imageRef: string;
  reason: string;
  message: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  mounts: Mount[];
  logPath: string;
  resources: ContainerResources | null;
  imageId: string;
  user: ContainerUser | null;
}
export interface ContainerStatusResponse {
  status: ContainerStatus | null;
  info: Record<string, string>;
}
export interface ContainerResources {
  linux: LinuxContainerResources | null;
  windows: WindowsContainerResources | null;
}
export interface ContainerUser {
  linux: LinuxContainerUser | null;
}
export interface UpdateContainerResourcesRequest {
  containerId: string;
  linux: LinuxContainerResources | null;
  windows: WindowsContainerResources | null;
  annotations: Record<string, string>;
}
export type UpdateContainerResourcesResponse = Record<string, never>;
export interface ExecSyncRequest {
  containerId: string;
  cmd: string[];
  timeout: string;
}
export interface ExecSyncResponse {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number;
}
export interface ExecRequest {
  containerId: string;
  cmd: string[];
  tty: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}
export interface ExecResponse {
  url: string;
}
export interface AttachRequest {
  containerId: string;
  stdin: boolean;
  tty: boolean;
  stdout: boolean;
  stderr: boolean;
}
export interface AttachResponse {
  url: string;
}
export interface PortForwardRequest {
  podSandboxId: string;
  port: number[];
}
export interface PortForwardResponse {
  url: string;
}
export interface ImageFilter {
  image: ImageSpec | null;
}
export interface ListImagesRequest {
  filter: ImageFilter | null;
}
export interface Image {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: string;
  uid: Int64Value | null;
  username: string;
  spec: ImageSpec | null;
  pinned: boolean;
}
export interface ListImagesResponse {
  images: Image[];
}
export interface ImageStatusRequest {
  image: ImageSpec | null;
  verbose: boolean;
}
export interface ImageStatusResponse {
  image: Image | null;
  info: Record<string, string>;
}
export interface AuthConfig {
  username: string;
  password: string;
  auth: string;
  serverAddress: string;
  identityToken: string;
  registryToken: string;
}
export interface PullImageRequest {
  image: ImageSpec | null;
  auth: AuthConfig | null;
  sandboxConfig: PodSandboxConfig | null;
}
export interface PullImageResponse {
  imageRef: string;
}
export interface RemoveImageRequest {
  image: ImageSpec | null;
}
export type RemoveImageResponse = Record<string, never>;
export interface NetworkConfig {
  podCidr: string;
}
export interface RuntimeConfig {
  networkConfig: NetworkConfig | null;
}
export interface UpdateRuntimeConfigRequest {
  runtimeConfig: RuntimeConfig | null;
}
export type UpdateRuntimeConfigResponse = Record<string, never>;
export interface RuntimeCondition {
  type: string;
  status: boolean;
  reason: string;
  message: string;
}
export interface RuntimeStatus {
  conditions: RuntimeCondition[];
}
export interface StatusRequest {
  verbose: boolean;
}
export interface RuntimeHandlerFeatures {
  recursiveReadOnlyMounts: boolean;
  userNamespaces: boolean;
}
export interface RuntimeHandler {
  name: string;
  features: RuntimeHandlerFeatures | null;
}
export interface RuntimeFeatures {
  supplementalGroupsPolicy: boolean;
}
export interface StatusResponse {
  status: RuntimeStatus | null;
  info: Record<string, string>;
  runtimeHandlers: RuntimeHandler[];
  features: RuntimeFeatures | null;
}
export type ImageFsInfoRequest = Record<string, never>;
export interface UInt64Value {
  value: string;
}
export interface FilesystemIdentifier {
  mountpoint: string;
}
export interface FilesystemUsage {
  timestamp: string;
  fsId: FilesystemIdentifier | null;
  usedBytes: UInt64Value | null;
  inodesUsed: UInt64Value | null;
}
export interface WindowsFilesystemUsage {
  timestamp: string;
  fsId: FilesystemIdentifier | null;
  usedBytes: UInt64Value | null;
}
export interface ImageFsInfoResponse {
  imageFilesystems: FilesystemUsage[];
  containerFilesystems: FilesystemUsage[];
}
export interface ContainerStatsRequest {
  containerId: string;
}
export interface ContainerStatsResponse {
  stats: ContainerStats | null;
}
export interface ListContainerStatsRequest {
  filter: ContainerStatsFilter | null;
}
export interface ContainerStatsFilter {
  id: string;
  podSandboxId: string;
  labelSelector: Record<string, string>;
}
export interface ListContainerStatsResponse {
  stats: ContainerStats[];
}
export interface ContainerAttributes {
  id: string;
  metadata: ContainerMetadata | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface ContainerStats {
  attributes: ContainerAttributes | null;
  cpu: CpuUsage | null;
  memory: MemoryUsage | null;
  writableLayer: FilesystemUsage | null;
  swap: SwapUsage | null;
}
export interface WindowsContainerStats {
  attributes: ContainerAttributes | null;
  cpu: WindowsCpuUsage | null;
  memory: WindowsMemoryUsage | null;
  writableLayer: WindowsFilesystemUsage | null;
}
export interface CpuUsage {
  timestamp: string;
  usageCoreNanoSeconds: UInt64Value | null;
  usageNanoCores: UInt64Value | null;
}
export interface WindowsCpuUsage {
  timestamp: string;
  usageCoreNanoSeconds: UInt64Value | null;
  usageNanoCores: UInt64Value | null;
}
export interface MemoryUsage {
  timestamp: string;
  workingSetBytes: UInt64Value | null;
  availableBytes: UInt64Value | null;
  usageBytes: UInt64Value | null;
  rssBytes: UInt64Value | null;
  pageFaults: UInt64Value | null;
  majorPageFaults: UInt64Value | null;
}
export interface SwapUsage {
  timestamp: string;
  swapAvailableBytes: UInt64Value | null;
  swapUsageBytes: UInt64Value | null;
}
export interface WindowsMemoryUsage {
  timestamp: string;
  workingSetBytes: UInt64Value | null;
  availableBytes: UInt64Value | null;
  pageFaults: UInt64Value | null;
  commitMemoryBytes: UInt64Value | null;
}
export interface ReopenContainerLogRequest {
  containerId: string;
}
export type ReopenContainerLogResponse = Record<string, never>;
export interface CheckpointContainerRequest {
  containerId: string;
  location: string;
  timeout: string;
}
export type CheckpointContainerResponse = Record<string, never>;
export type GetEventsRequest = Record<string, never>;
export interface ContainerEventResponse {
  containerId: string;
  containerEventType: ContainerEventType;
  createdAt: string;
  podSandboxStatus: PodSandboxStatus | null;
  containersStatuses: ContainerStatus[];
}
export type ListMetricDescriptorsRequest = Record<string, never>;
export interface ListMetricDescriptorsResponse {
  descriptors: MetricDescriptor[];
}
export interface MetricDescriptor {
  name: string;
  help: string;
  labelKeys: string[];
}
export type ListPodSandboxMetricsRequest = Record<string, never>;
export interface ListPodSandboxMetricsResponse {
  podMetrics: PodSandboxMetrics[];
}
export interface PodSandboxMetrics {
  podSandboxId: string;
  metrics: Metric[];
  containerMetrics: ContainerMetrics[];
}
export interface ContainerMetrics {
  containerId: string;
  metrics: Metric[];
}
export interface Metric {
  name: string;
  timestamp: string;
  metricType: MetricType;
  labelValues: string[];
  value: UInt64Value | null;
}
export type RuntimeConfigRequest = Record<string, never>;
export interface RuntimeConfigResponse {
  linux: LinuxRuntimeConfiguration | null;
}
export interface LinuxRuntimeConfiguration {
  cgroupDriver: CgroupDriver;
}
