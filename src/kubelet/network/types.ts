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
  spec?: { type?: string; clusterIP?: string; clusterIPs?: string[]; selector?: Record<string, string>; ports?: ServicePort[]; externalName?: string; internalTrafficPolicy?: string; externalTrafficPolicy?: string; sessionAffinity?: string; sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } };
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
  /** Undefined: the network's agent cannot read NetworkPolicies, so none is enforced. */
  policies?: NetworkPolicy[] | undefined;
  /** The namespaces' labels (namespaceSelector); undefined: only kubernetes.io/metadata.name is known. */
  namespaces?: NetNamespace[] | undefined;
}

export const podReady = (p: NetPod): boolean =>
  !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && Boolean(p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));

/** A label selector as the API writes it (matchLabels and matchExpressions). */
export interface SelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface PolicyPeer {
  podSelector?: SelectorSpec;
  namespaceSelector?: SelectorSpec;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface PolicyRule {
  from?: PolicyPeer[] | null;
  to?: PolicyPeer[] | null;
  ports?: PolicyPort[] | null;
}

export interface NetworkPolicy {
  metadata: { name?: string; namespace?: string };
  spec?: { podSelector?: SelectorSpec; policyTypes?: string[]; ingress?: PolicyRule[] | null; egress?: PolicyRule[] | null };
}

export interface NetNamespace {
  metadata: { name?: string; labels?: Record<string, string> };
}
