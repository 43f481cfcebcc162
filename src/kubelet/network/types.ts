// The parts of Services, EndpointSlices, Pods and Nodes the simulated network reads: what
// CoreDNS and kube-proxy watch on a real cluster.
export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface Service {
  metadata: { name?: string; namespace?: string };
  spec?: { type?: string; clusterIP?: string; clusterIPs?: string[]; selector?: Record<string, string>; ports?: ServicePort[]; externalName?: string };
}

export interface SliceEndpoint {
  addresses: string[];
  conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

export interface EndpointSlice {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> };
  endpoints?: SliceEndpoint[] | null;
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

export interface NetPod {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string };
  spec?: { nodeName?: string; hostNetwork?: boolean; containers?: { name: string; ports?: { containerPort: number; name?: string; protocol?: string }[] }[] };
  status?: { podIP?: string; phase?: string; conditions?: { type: string; status: string }[] };
}

export interface NetNode {
  metadata: { name?: string };
  status?: { addresses?: { type: string; address: string }[] };
}

/** What the network knows of the cluster at one moment. */
export interface NetSnapshot {
  services: Service[];
  /** Undefined: the reader may not list EndpointSlices; endpoints then follow the selectors. */
  slices: EndpointSlice[] | undefined;
  pods: NetPod[];
  nodes: NetNode[];
}

export const podReady = (p: NetPod): boolean =>
  !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && Boolean(p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
