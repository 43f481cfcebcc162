// The explain renderers on the apiserver's own OpenAPI documents (the ones /openapi/v2 and
// /openapi/v3 serve), against what the real kubectl v1.32.4 printed for the same documents
// served by a kubedojo cluster (each case names its command; stdout as captured, the error as
// printed on stderr — for the v2 printer without the `error: ` prefix the error sink adds).
import { describe, expect, it } from 'vitest';
import { v2Document, v3Document } from '../../api/schema/index.js';
import { renderPlaintextV2 } from './v2.js';
import type { Gvk } from './v2-model.js';
import { renderPlaintext, type Gvr } from './v3.js';
import type { JsonMap } from './values.js';

interface Case {
  cmd: string;
  doc?: string;
  gvr?: Gvr;
  gvk?: Gvk;
  path: string[];
  recursive: boolean;
  stdout: string;
  error?: string;
}

const CASES: Case[] = [
  {
    // kubectl explain svc.spec.type
    cmd: "kubectl explain svc.spec.type",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "services"},
    path: ["spec", "type"],
    recursive: false,
    stdout: "KIND:       Service\nVERSION:    v1\n\nFIELD: type <string>\nENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n\nDESCRIPTION:\n    type determines how the Service is exposed. Defaults to ClusterIP. Valid\n    options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\"\n    allocates a cluster-internal IP address for load-balancing to endpoints.\n    Endpoints are determined by the selector or if that is not specified, by\n    manual construction of an Endpoints object or EndpointSlice objects. If\n    clusterIP is \"None\", no virtual IP is allocated and the endpoints are\n    published as a set of endpoints rather than a virtual IP. \"NodePort\" builds\n    on ClusterIP and allocates a port on every node which routes to the same\n    endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an\n    external load-balancer (if supported in the current cloud) which routes to\n    the same endpoints as the clusterIP. \"ExternalName\" aliases this service to\n    the specified externalName. Several other fields do not apply to\n    ExternalName services. More info:\n    https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n    \n    Possible enum values:\n     - `\"ClusterIP\"` means a service will only be accessible inside the cluster,\n    via the cluster IP.\n     - `\"ExternalName\"` means a service consists of only a reference to an\n    external name that kubedns or equivalent will return as a CNAME record, with\n    no exposing or proxying of any pods involved.\n     - `\"LoadBalancer\"` means a service will be exposed via an external load\n    balancer (if the cloud provider supports it), in addition to 'NodePort'\n    type.\n     - `\"NodePort\"` means a service will be exposed on one port of every node,\n    in addition to 'ClusterIP' type.\n    \n\n",
  },
  {
    // kubectl explain pv.spec.hostPath
    cmd: "kubectl explain pv.spec.hostPath",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "persistentvolumes"},
    path: ["spec", "hostPath"],
    recursive: false,
    stdout: "KIND:       PersistentVolume\nVERSION:    v1\n\nFIELD: hostPath <HostPathVolumeSource>\n\n\nDESCRIPTION:\n    hostPath represents a directory on the host. Provisioned by a developer or\n    tester. This is useful for single-node development and testing only! On-host\n    storage is not supported in any way and WILL NOT WORK in a multi-node\n    cluster. More info:\n    https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n    Represents a host path mapped into a pod. Host path volumes do not support\n    ownership management or SELinux relabeling.\n    \nFIELDS:\n  path\t<string> -required-\n    path of the directory on the host. If the path is a symlink, it will follow\n    the link to the real path. More info:\n    https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n\n  type\t<string>\n  enum: \"\", BlockDevice, CharDevice, Directory, ....\n    type for HostPath Volume Defaults to \"\" More info:\n    https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n    \n    Possible enum values:\n     - `\"\"` For backwards compatible, leave it empty if unset\n     - `\"BlockDevice\"` A block device must exist at the given path\n     - `\"CharDevice\"` A character device must exist at the given path\n     - `\"Directory\"` A directory must exist at the given path\n     - `\"DirectoryOrCreate\"` If nothing exists at the given path, an empty\n    directory will be created there as needed with file mode 0755, having the\n    same group and ownership with Kubelet.\n     - `\"File\"` A file must exist at the given path\n     - `\"FileOrCreate\"` If nothing exists at the given path, an empty file will\n    be created there as needed with file mode 0644, having the same group and\n    ownership with Kubelet.\n     - `\"Socket\"` A UNIX socket must exist at the given path\n\n\n",
  },
  {
    // kubectl explain deploy.spec.strategy
    cmd: "kubectl explain deploy.spec.strategy",
    doc: "apis/apps/v1",
    gvr: {"group": "apps", "version": "v1", "resource": "deployments"},
    path: ["spec", "strategy"],
    recursive: false,
    stdout: "GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n    The deployment strategy to use to replace existing pods with new ones.\n    DeploymentStrategy describes how to replace existing pods with new ones.\n    \nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    Rolling update config params. Present only if DeploymentStrategyType =\n    RollingUpdate.\n\n  type\t<string>\n  enum: Recreate, RollingUpdate\n    Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is\n    RollingUpdate.\n    \n    Possible enum values:\n     - `\"Recreate\"` Kill all existing pods before creating new ones.\n     - `\"RollingUpdate\"` Replace the old ReplicaSets by new one using rolling\n    update i.e gradually scale down the old ReplicaSets and scale up the new\n    one.\n\n\n",
  },
  {
    // kubectl explain pods.spec.securityContext.seccompProfile
    cmd: "kubectl explain pods.spec.securityContext.seccompProfile",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "pods"},
    path: ["spec", "securityContext", "seccompProfile"],
    recursive: false,
    stdout: "KIND:       Pod\nVERSION:    v1\n\nFIELD: seccompProfile <SeccompProfile>\n\n\nDESCRIPTION:\n    The seccomp options to use by the containers in this pod. Note that this\n    field cannot be set when spec.os.name is windows.\n    SeccompProfile defines a pod/container's seccomp profile settings. Only one\n    profile source may be set.\n    \nFIELDS:\n  localhostProfile\t<string>\n    localhostProfile indicates a profile defined in a file on the node should be\n    used. The profile must be preconfigured on the node to work. Must be a\n    descending path, relative to the kubelet's configured seccomp profile\n    location. Must be set if type is \"Localhost\". Must NOT be set for any other\n    type.\n\n  type\t<string> -required-\n  enum: Localhost, RuntimeDefault, Unconfined\n    type indicates which kind of seccomp profile will be applied. Valid options\n    are:\n    \n    Localhost - a profile defined in a file on the node should be used.\n    RuntimeDefault - the container runtime default profile should be used.\n    Unconfined - no profile should be applied.\n    \n    Possible enum values:\n     - `\"Localhost\"` indicates a profile defined in a file on the node should be\n    used. The file's location relative to <kubelet-root-dir>/seccomp.\n     - `\"RuntimeDefault\"` represents the default container runtime seccomp\n    profile.\n     - `\"Unconfined\"` indicates no seccomp profile is applied (A.K.A.\n    unconfined).\n\n\n",
  },
  {
    // kubectl explain pod.spec.affinity.podAffinity --recursive
    cmd: "kubectl explain pod.spec.affinity.podAffinity --recursive",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "pods"},
    path: ["spec", "affinity", "podAffinity"],
    recursive: true,
    stdout: "KIND:       Pod\nVERSION:    v1\n\nFIELD: podAffinity <PodAffinity>\n\n\nDESCRIPTION:\n    Describes pod affinity scheduling rules (e.g. co-locate this pod in the same\n    node, zone, etc. as some other pod(s)).\n    Pod affinity is a group of inter pod affinity scheduling rules.\n    \nFIELDS:\n  preferredDuringSchedulingIgnoredDuringExecution\t<[]WeightedPodAffinityTerm>\n    podAffinityTerm\t<PodAffinityTerm> -required-\n      labelSelector\t<LabelSelector>\n        matchExpressions\t<[]LabelSelectorRequirement>\n          key\t<string> -required-\n          operator\t<string> -required-\n          values\t<[]string>\n        matchLabels\t<map[string]string>\n      matchLabelKeys\t<[]string>\n      mismatchLabelKeys\t<[]string>\n      namespaceSelector\t<LabelSelector>\n        matchExpressions\t<[]LabelSelectorRequirement>\n          key\t<string> -required-\n          operator\t<string> -required-\n          values\t<[]string>\n        matchLabels\t<map[string]string>\n      namespaces\t<[]string>\n      topologyKey\t<string> -required-\n    weight\t<integer> -required-\n  requiredDuringSchedulingIgnoredDuringExecution\t<[]PodAffinityTerm>\n    labelSelector\t<LabelSelector>\n      matchExpressions\t<[]LabelSelectorRequirement>\n        key\t<string> -required-\n        operator\t<string> -required-\n        values\t<[]string>\n      matchLabels\t<map[string]string>\n    matchLabelKeys\t<[]string>\n    mismatchLabelKeys\t<[]string>\n    namespaceSelector\t<LabelSelector>\n      matchExpressions\t<[]LabelSelectorRequirement>\n        key\t<string> -required-\n        operator\t<string> -required-\n        values\t<[]string>\n      matchLabels\t<map[string]string>\n    namespaces\t<[]string>\n    topologyKey\t<string> -required-\n\n",
  },
  {
    // kubectl explain pods.nope.spec
    cmd: "kubectl explain pods.nope.spec",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "pods"},
    path: ["nope", "spec"],
    recursive: false,
    stdout: "KIND:       Pod\nVERSION:    v1\n\n",
    error: "error: field \"spec\" does not exist",
  },
  {
    // kubectl explain --api-version=v1 deploy
    cmd: "kubectl explain --api-version=v1 deploy",
    doc: "api/v1",
    gvr: {"group": "", "version": "v1", "resource": "deployments"},
    path: [],
    recursive: false,
    stdout: "",
    error: "error: GVR (/v1, Resource=deployments) not found in OpenAPI schema",
  },
  {
    // kubectl explain pod.spec.containers.ports -o plaintext-openapiv2
    cmd: "kubectl explain pod.spec.containers.ports -o plaintext-openapiv2",
    gvk: {"group": "", "version": "v1", "kind": "Pod"},
    path: ["spec", "containers", "ports"],
    recursive: false,
    stdout: "KIND:     Pod\nVERSION:  v1\n\nRESOURCE: ports <[]Object>\n\nDESCRIPTION:\n     List of ports to expose from the container. Not specifying a port here DOES\n     NOT prevent that port from being exposed. Any port which is listening on\n     the default \"0.0.0.0\" address inside a container will be accessible from\n     the network. Modifying this array with strategic merge patch may corrupt\n     the data. For more information See\n     https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.\n\n     ContainerPort represents a network port in a single container.\n\nFIELDS:\n   containerPort\t<integer> -required-\n     Number of port to expose on the pod's IP address. This must be a valid port\n     number, 0 < x < 65536.\n\n   hostIP\t<string>\n     What host IP to bind the external port to.\n\n   hostPort\t<integer>\n     Number of port to expose on the host. If specified, this must be a valid\n     port number, 0 < x < 65536. If HostNetwork is specified, this must match\n     ContainerPort. Most containers do not need this.\n\n   name\t<string>\n     If specified, this must be an IANA_SVC_NAME and unique within the pod. Each\n     named port in a pod must have a unique name. Name for the port that can be\n     referred to by services.\n\n   protocol\t<string>\n     Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".\n     Possible enum values:\n     - `\"SCTP\"` is the SCTP protocol.\n     - `\"TCP\"` is the TCP protocol.\n     - `\"UDP\"` is the UDP protocol.\n\n",
  },
  {
    // kubectl explain pods.spec.nodeName.x -o plaintext-openapiv2
    cmd: "kubectl explain pods.spec.nodeName.x -o plaintext-openapiv2",
    gvk: {"group": "", "version": "v1", "kind": "Pod"},
    path: ["spec", "nodeName", "x"],
    recursive: false,
    stdout: "KIND:     Pod\nVERSION:  v1\n\nFIELD:    x <string>\n\nDESCRIPTION:\n     NodeName indicates in which node this pod is scheduled. If empty, this pod\n     is a candidate for scheduling by the scheduler defined in schedulerName.\n     Once this field is set, the kubelet for this node becomes responsible for\n     the lifecycle of this pod. This field should not be used to express a\n     desire for the pod to be scheduled on a specific node.\n     https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename\n",
  },
  {
    // kubectl explain pod.spec.dnsConfig -o plaintext-openapiv2 --recursive
    cmd: "kubectl explain pod.spec.dnsConfig -o plaintext-openapiv2 --recursive",
    gvk: {"group": "", "version": "v1", "kind": "Pod"},
    path: ["spec", "dnsConfig"],
    recursive: true,
    stdout: "KIND:     Pod\nVERSION:  v1\n\nRESOURCE: dnsConfig <Object>\n\nDESCRIPTION:\n     Specifies the DNS parameters of a pod. Parameters specified here will be\n     merged to the generated DNS configuration based on DNSPolicy.\n\n     PodDNSConfig defines the DNS parameters of a pod in addition to those\n     generated from DNSPolicy.\n\nFIELDS:\n   nameservers\t<[]string>\n   options\t<[]Object>\n      name\t<string>\n      value\t<string>\n   searches\t<[]string>\n",
  },
  {
    // kubectl explain pods.spec.nope -o plaintext-openapiv2
    cmd: "kubectl explain pods.spec.nope -o plaintext-openapiv2",
    gvk: {"group": "", "version": "v1", "kind": "Pod"},
    path: ["spec", "nope"],
    recursive: false,
    stdout: "",
    error: "field \"nope\" does not exist",
  },
];

describe('explain renderers, against the real kubectl', () => {
  for (const c of CASES) {
    it(c.cmd, () => {
      const r = c.gvk
        ? renderPlaintextV2(v2Document() as JsonMap, c.gvk, c.path, c.recursive)
        : renderPlaintext(v3Document(c.doc!) as JsonMap, c.gvr!, c.path, c.recursive);
      expect(r).toEqual(c.error === undefined ? { text: c.stdout } : { text: c.stdout, error: c.error });
    });
  }
});
