// The node's nat, filter and mangle tables as kube-proxy v1.32 (iptables mode, kubeadm's
// defaults: masqueradeBit 14 → mark 0x4000, localhostNodePorts, nodePortAddresses unset) and the
// kubelet leave them (pkg/proxy/iptables/proxier.go syncProxyRules, iptablesJumpChains, the
// KUBE-PROXY-CANARY monitor; pkg/kubelet/kubelet_network_linux.go: KUBE-FIREWALL and
// KUBE-KUBELET-CANARY). Jump rules are inserted at the head of the built-in chains
// (EnsureRule(Prepend)), so the last one listed comes first. The CNI's own rules are left out.
import type { NetSnapshot } from '../types.js';
import { proxyPorts } from './ports.js';
import { MARK_MASQ, serviceRules, type ProxyTables } from './service-rules.js';
import { addChain, append, comment, newTable, prepend, type Table } from './table.js';

const CANARIES = ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];
const NEW = '-m conntrack --ctstate NEW';
/** metrics.IPTablesCTStateInvalidDroppedNFAcctCounter. */
const CT_INVALID_COUNTER = 'ct_state_invalid_dropped_pkts';

/** kube-proxy's jumps from the built-in chains, in iptablesJumpChains order. */
const FILTER_JUMPS: [string, string, string, string][] = [
  ['INPUT', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', NEW],
  ['FORWARD', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', NEW],
  ['INPUT', 'KUBE-NODEPORTS', 'kubernetes health check service ports', ''],
  ['FORWARD', 'KUBE-SERVICES', 'kubernetes service portals', NEW],
  ['OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals', NEW],
  ['FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules', ''],
  ['INPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', NEW],
  ['OUTPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', NEW],
  ['FORWARD', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', NEW],
];

function filterTable(): Table {
  const t = newTable('filter', ['INPUT', 'FORWARD', 'OUTPUT']);
  for (const c of [...CANARIES, 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES']) addChain(t, c);
  append(t, 'INPUT', '-j KUBE-FIREWALL');
  append(t, 'OUTPUT', '-j KUBE-FIREWALL');
  append(t, 'KUBE-FIREWALL', `! -s 127.0.0.0/8 -d 127.0.0.0/8 ${comment('block incoming localnet connections')} -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP`);
  for (const [from, to, text, extra] of FILTER_JUMPS) prepend(t, from, `${extra ? `${extra} ` : ''}${comment(text)} -j ${to}`);
  return t;
}

function natTable(): Table {
  const t = newTable('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
  for (const c of [...CANARIES, 'KUBE-SERVICES', 'KUBE-NODEPORTS']) addChain(t, c);
  append(t, 'PREROUTING', `${comment('kubernetes service portals')} -j KUBE-SERVICES`);
  append(t, 'OUTPUT', `${comment('kubernetes service portals')} -j KUBE-SERVICES`);
  append(t, 'POSTROUTING', `${comment('kubernetes postrouting rules')} -j KUBE-POSTROUTING`);
  append(t, 'KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN');
  append(t, 'KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0');
  append(t, 'KUBE-POSTROUTING', `${comment('kubernetes service traffic requiring SNAT')} -j MASQUERADE --random-fully`);
  append(t, MARK_MASQ, '-j MARK --set-xmark 0x4000/0x4000');
  return t;
}

/** The rules that come after all the Services' (proxier.go: "must be the last rule"). */
function closingRules(t: ProxyTables): void {
  append(t.nat, 'KUBE-SERVICES', `${comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain')} -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`);
  append(t.filter, 'KUBE-FORWARD', `-m conntrack --ctstate INVALID -m nfacct --nfacct-name  ${CT_INVALID_COUNTER} -j DROP`);
  append(t.filter, 'KUBE-FORWARD', `${comment('kubernetes forwarding rules')} -m mark --mark 0x4000/0x4000 -j ACCEPT`);
  append(t.filter, 'KUBE-FORWARD', `${comment('kubernetes forwarding conntrack rule')} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
}

export interface NodeTables {
  mangle: Table;
  filter: Table;
  nat: Table;
}

/** The tables on node `node`, given the pod network's CIDR from kube-proxy's config. */
export function nodeTables(snap: NetSnapshot, node: string, clusterCIDR: string | undefined): NodeTables {
  const mangle = newTable('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);
  for (const c of CANARIES) addChain(mangle, c);
  const t: ProxyTables = { nat: natTable(), filter: filterTable(), clusterCIDR };
  for (const p of proxyPorts(snap, node)) serviceRules(t, p);
  closingRules(t);
  return { mangle, filter: t.filter, nat: t.nat };
}
