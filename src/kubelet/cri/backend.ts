// What a CRI endpoint serves: one method per implemented rpc, in terms of the runtime.v1 messages
// (src/client/cri/types.ts). An rpc whose method is absent answers gRPC Unimplemented. Methods
// reject with a CriError (gRPC code + description) for the errors containerd returns.
import type * as T from '../../client/cri/types.js';

type Rpc<Req, Res> = (req: Req) => Promise<Res>;

export interface CriBackend {
  version: Rpc<T.VersionRequest, T.VersionResponse>;
  status: Rpc<T.StatusRequest, T.StatusResponse>;
  runtimeConfig?: Rpc<T.RuntimeConfigRequest, T.RuntimeConfigResponse>;
  updateRuntimeConfig?: Rpc<T.UpdateRuntimeConfigRequest, T.UpdateRuntimeConfigResponse>;
  runPodSandbox?: Rpc<T.RunPodSandboxRequest, T.RunPodSandboxResponse>;
  stopPodSandbox: Rpc<T.StopPodSandboxRequest, T.StopPodSandboxResponse>;
  removePodSandbox: Rpc<T.RemovePodSandboxRequest, T.RemovePodSandboxResponse>;
  podSandboxStatus: Rpc<T.PodSandboxStatusRequest, T.PodSandboxStatusResponse>;
  listPodSandbox: Rpc<T.ListPodSandboxRequest, T.ListPodSandboxResponse>;
  createContainer?: Rpc<T.CreateContainerRequest, T.CreateContainerResponse>;
  startContainer?: Rpc<T.StartContainerRequest, T.StartContainerResponse>;
  stopContainer: Rpc<T.StopContainerRequest, T.StopContainerResponse>;
  removeContainer: Rpc<T.RemoveContainerRequest, T.RemoveContainerResponse>;
  listContainers: Rpc<T.ListContainersRequest, T.ListContainersResponse>;
  containerStatus: Rpc<T.ContainerStatusRequest, T.ContainerStatusResponse>;
  updateContainerResources?: Rpc<T.UpdateContainerResourcesRequest, T.UpdateContainerResourcesResponse>;
  reopenContainerLog?: Rpc<T.ReopenContainerLogRequest, T.ReopenContainerLogResponse>;
  execSync?: Rpc<T.ExecSyncRequest, T.ExecSyncResponse>;
  exec?: Rpc<T.ExecRequest, T.ExecResponse>;
  attach?: Rpc<T.AttachRequest, T.AttachResponse>;
  portForward?: Rpc<T.PortForwardRequest, T.PortForwardResponse>;
  containerStats?: Rpc<T.ContainerStatsRequest, T.ContainerStatsResponse>;
  listContainerStats?: Rpc<T.ListContainerStatsRequest, T.ListContainerStatsResponse>;
  podSandboxStats?: Rpc<T.PodSandboxStatsRequest, T.PodSandboxStatsResponse>;
  listPodSandboxStats?: Rpc<T.ListPodSandboxStatsRequest, T.ListPodSandboxStatsResponse>;
  checkpointContainer?: Rpc<T.CheckpointContainerRequest, T.CheckpointContainerResponse>;
  listMetricDescriptors?: Rpc<T.ListMetricDescriptorsRequest, T.ListMetricDescriptorsResponse>;
  listPodSandboxMetrics?: Rpc<T.ListPodSandboxMetricsRequest, T.ListPodSandboxMetricsResponse>;
  listImages: Rpc<T.ListImagesRequest, T.ListImagesResponse>;
  imageStatus: Rpc<T.ImageStatusRequest, T.ImageStatusResponse>;
  pullImage?: Rpc<T.PullImageRequest, T.PullImageResponse>;
  removeImage: Rpc<T.RemoveImageRequest, T.RemoveImageResponse>;
  imageFsInfo: Rpc<T.ImageFsInfoRequest, T.ImageFsInfoResponse>;
  /** GetContainerEvents: calls send for each event until the returned function is called. */
  containerEvents?(send: (ev: T.ContainerEventResponse) => void): () => void;
}
