// nodes (core/v1): printNode — NAME STATUS ROLES AGE VERSION; wide INTERNAL-IP EXTERNAL-IP OS-IMAGE
// KERNEL-VERSION CONTAINER-RUNTIME.
import type { KObject } from '../../api/types.js';
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, rec, recs, sortStrings, str, strMap } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** `Ready`, `NotReady` or `Unknown` (no Ready condition), then `SchedulingDisabled` if cordoned. */
function nodeStatus(node: KObject): string {
  let ready: string | undefined;
  for (const condition of recs(at(node.status, 'conditions'))) {
    if (str(condition.type) === 'Ready') ready = str(condition.status);
  }
  const status = [ready === undefined ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady'];
  if (at(node.spec, 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: KObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(strMap(node.metadata.labels))) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === ROLE_LABEL && value !== '') roles.add(value);
  }
  const text = sortStrings([...roles]).join(',');
  return text === '' ? '<none>' : text;
}

function address(node: KObject, type: string): string {
  const found = recs(at(node.status, 'addresses')).find((a) => str(a.type) === type);
  return found === undefined ? '<none>' : str(found.address);
}

function orUnknown(text: string): string {
  return text === '' ? '<unknown>' : text;
}

const ADDRESSES_DOC = 'List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node\'s address in its own status or consumers of the downward API (status.hostIP).';

export const nodeColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn(),
    column('Version', 'Kubelet Version reported by the node.'),
    wideColumn('Internal-IP', ADDRESSES_DOC),
    wideColumn('External-IP', ADDRESSES_DOC),
    wideColumn('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
    wideColumn('Kernel-Version', 'Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).'),
    wideColumn('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
  ],
  cells(node, { now }) {
    const info = rec(at(node.status, 'nodeInfo'));
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      age(node, now),
      str(info.kubeletVersion),
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      orUnknown(str(info.osImage)),
      orUnknown(str(info.kernelVersion)),
      orUnknown(str(info.containerRuntimeVersion)),
    ];
  },
};
