// The CRI rpcs by the client method that calls them (lowerCamel), and the client's typed surface.
import type * as T from './types.js';
import type { CriInput } from './types.js';

/** RuntimeService unary rpcs: client method → rpc name. */
export const RUNTIME_RPCS = {
  version: 'Version',
  runPodSandbox: 'RunPodSandbox',
  stopPodSandbox: 'StopPodSandbox',
  removePodSandbox: 'RemovePodSandbox',
  podSandboxStatus: 'PodSandboxStatus',
  listPodSandbox: 'ListPodSandbox',
  createContainer: 'CreateContainer',
  startContainer: 'StartContainer',
  stopContainer: 'StopContainer',
  removeContainer: 'RemoveContainer',
  listContainers: 'ListContainers',
  containerStatus: 'ContainerStatus',
  updateContainerResources: 'UpdateContainerResources',
  reopenContainerLog: 'ReopenContainerLog',
  execSync: 'ExecSync',
  exec: 'Exec',
  attach: 'Attach',
  portForward: 'PortForward',
  containerStats: 'ContainerStats',
  listContainerStats: 'ListContainerStats',
  podSandboxStats: 'PodSandboxStats',
  listPodSandboxStats: 'ListPodSandboxStats',
  updateRuntimeConfig: 'UpdateRuntimeConfig',
  status: 'Status',
  checkpointContainer: 'CheckpointContainer',
  listMetricDescriptors: 'ListMetricDescriptors',
  listPodSandboxMetrics: 'ListPodSandboxMetrics',
  runtimeConfig: 'RuntimeConfig',
} as const;

/** ImageService rpcs: client method → rpc name. */
export const IMAGE_RPCS = {
  listImages: 'ListImages',
  imageStatus: 'ImageStatus',
  pullImage: 'PullImage',
  removeImage: 'RemoveImage',
  imageFsInfo: 'ImageFsInfo',
} as const;

export type CriRpcName = keyof typeof RUNTIME_RPCS | keyof typeof IMAGE_RPCS | 'getContainerEvents';

type Call<Req, Res> = (req: CriInput<Req>) => Promise<Res>;

/** One method per CRI rpc; each rejects with a CriError. */
export interface CriClient {
  version: Call<T.VersionRequest, T.VersionResponse>;
  runPodSandbox: Call<T.RunPodSandboxRequest, T.RunPodSandboxResponse>;
  stopPodSandbox: Call<T.StopPodSandboxRequest, T.StopPodSandboxResponse>;
  removePodSandbox: Call<T.RemovePodSandboxRequest, T.RemovePodSandboxResponse>;
  podSandboxStatus: Call<T.PodSandboxStatusRequest, T.PodSandboxStatusResponse>;
  listPodSandbox: Call<T.ListPodSandboxRequest, T.ListPodSandboxResponse>;
  createContainer: Call<T.CreateContainerRequest, T.CreateContainerResponse>;
  startContainer: Call<T.StartContainerRequest, T.StartContainerResponse>;
  stopContainer: Call<T.StopContainerRequest, T.StopContainerResponse>;
  removeContainer: Call<T.RemoveContainerRequest, T.RemoveContainerResponse>;
  listContainers: Call<T.ListContainersRequest, T.ListContainersResponse>;
  containerStatus: Call<T.ContainerStatusRequest, T.ContainerStatusResponse>;
  updateContainerResources: Call<T.UpdateContainerResourcesRequest, T.UpdateContainerResourcesResponse>;
  reopenContainerLog: Call<T.ReopenContainerLogRequest, T.ReopenContainerLogResponse>;
  execSync: Call<T.ExecSyncRequest, T.ExecSyncResponse>;
  exec: Call<T.ExecRequest, T.ExecResponse>;
  attach: Call<T.AttachRequest, T.AttachResponse>;
  portForward: Call<T.PortForwardRequest, T.PortForwardResponse>;
  containerStats: Call<T.ContainerStatsRequest, T.ContainerStatsResponse>;
  listContainerStats: Call<T.ListContainerStatsRequest, T.ListContainerStatsResponse>;
  podSandboxStats: Call<T.PodSandboxStatsRequest, T.PodSandboxStatsResponse>;
  listPodSandboxStats: Call<T.ListPodSandboxStatsRequest, T.ListPodSandboxStatsResponse>;
  updateRuntimeConfig: Call<T.UpdateRuntimeConfigRequest, T.UpdateRuntimeConfigResponse>;
  status: Call<T.StatusRequest, T.StatusResponse>;
  checkpointContainer: Call<T.CheckpointContainerRequest, T.CheckpointContainerResponse>;
  listMetricDescriptors: Call<T.ListMetricDescriptorsRequest, T.ListMetricDescriptorsResponse>;
  listPodSandboxMetrics: Call<T.ListPodSandboxMetricsRequest, T.ListPodSandboxMetricsResponse>;
  runtimeConfig: Call<T.RuntimeConfigRequest, T.RuntimeConfigResponse>;
  listImages: Call<T.ListImagesRequest, T.ListImagesResponse>;
  imageStatus: Call<T.ImageStatusRequest, T.ImageStatusResponse>;
  pullImage: Call<T.PullImageRequest, T.PullImageResponse>;
  removeImage: Call<T.RemoveImageRequest, T.RemoveImageResponse>;
  imageFsInfo: Call<T.ImageFsInfoRequest, T.ImageFsInfoResponse>;
  /** The server stream of container events; ends when the iteration is abandoned. */
  getContainerEvents(req: CriInput<T.GetEventsRequest>): AsyncIterable<T.ContainerEventResponse>;
  close(): void;
}
