// NodeDescriber: roles, labels, taints, the node lease, conditions, addresses, capacity,
// system info, pod CIDRs, the non-terminated pods and what they request, events (matched by
// the node's UID and, for the kubelet's, by its name).
import type { Obj } from '../../client/types.js';
import { ApiError } from '../../client/types.js';
import { rec, recs, str, strMap, strs } from '../columns/fields.js';
import { apiPath, getObject, listOrThrow, type DescribeEnv } from './context.js';
import { errorText } from './errors.js';
import { describeEvents, refOf, searchEvents } from './events.js';
import { printAnnotations, printLabels, printTaints } from './meta.js';
import { describeNodeResource } from './node-resources.js';
import { resourceList } from './quantity.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, tabbed, type Writer } from './writer.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function nodeRoles(labels: unknown): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(strMap(labels))) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

function lease(result: Obj | Error, w: Writer, zone: string): void {
  if (result instanceof Error) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${errorText(result)}\n`);
    return;
  }
  const spec = rec(result.spec);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime, zone) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime, zone) : '<unset>'}\n`);
}

function resources(title: string, list: unknown, w: Writer): void {
  const map = resourceList(list);
  if (map.size === 0) return;
  w.write(LEVEL_0, `${title}:\n`);
  for (const name of [...map.keys()].sort()) w.write(LEVEL_0, `  ${name}:\t${map.get(name)!.toString()}\n`);
}

function statusLines(node: Obj, w: Writer, zone: string): void {
  const status = rec(node.status);
  const conditions = recs(status.conditions);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime, zone)} \t${rfc1123z(c.lastTransitionTime, zone)} \t${str(c.reason)} \t${str(c.message)}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of recs(status.addresses)) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
  resources('Capacity', status.capacity, w);
  resources('Allocatable', status.allocatable, w);
  const info = rec(status.nodeInfo);
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) w.write(LEVEL_0, `  ${label}:\t${str(info[key])}\n`);
}

interface NodeData {
  node: Obj;
  pods: Obj[] | undefined;
  lease: Obj | Error;
  events: Obj[] | undefined;
}

function render(d: NodeData, env: DescribeEnv): string {
  const { node } = d;
  const spec = rec(node.spec);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name ?? ''}\n`);
    const roles = nodeRoles(node.metadata.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabels(w, 'Labels', node.metadata.labels);
    printAnnotations(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, env.zone)}\n`);
    printTaints(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    lease(d.lease, w, env.zone);
    statusLines(node, w, env.zone);
    if (str(spec.podCIDR) !== '') w.write(LEVEL_0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
    if (strs(spec.podCIDRs).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${strs(spec.podCIDRs).join(',')}\n`);
    if (str(spec.providerID) !== '') w.write(LEVEL_0, `ProviderID:\t${str(spec.providerID)}\n`);
    if (d.pods !== undefined) describeNodeResource(d.pods, node, w, env.now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (d.events !== undefined) describeEvents(d.events, w, env.now);
  });
}

async function nodeEvents(env: DescribeEnv, node: Obj): Promise<Obj[] | undefined> {
  if (!env.settings.showEvents) return undefined;
  const ref = refOf(node, 'Node');
  const byUid = await searchEvents(env, ref);
  const byName = await searchEvents(env, { ...ref, uid: ref.name });
  return [...byUid.items, ...byName.items];
}

export async function describeNode(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const node = await getObject(env, apiPath('v1', 'nodes', undefined, name));
  const selector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`;
  let pods: Obj[] | undefined;
  try {
    pods = await listOrThrow(env, apiPath('v1', 'pods', namespace || undefined), { fieldSelector: selector }, 'pods');
  } catch (err) {
    if (!(err instanceof ApiError && err.status.reason === 'Forbidden')) throw err;
  }
  const events = await nodeEvents(env, node);
  let leaseObj: Obj | Error;
  try {
    leaseObj = await getObject(env, apiPath('coordination.k8s.io/v1', 'leases', 'kube-node-lease', node.metadata.name ?? ''));
  } catch (err) {
    leaseObj = err as Error;
  }
  return render({ node, pods, lease: leaseObj, events }, env);
}

