// One Service port's rules, as kube-proxy v1.32's iptables mode writes them in syncProxyRules
// and writeServiceToEndpointRules (pkg/proxy/iptables/proxier.go), in the form iptables-save
// prints them back (address and protocol first, then the matches in the order written; MARK
// --or-mark shown as --set-xmark; REJECT with its default --reject-with). Forms checked against
// real dumps from kind clusters (kubernetes PR #114470; a kind v1.31.2 dump of default/nginx).
import { extChain, svcChain, svlChain } from './names.js';
import type { ProxyEndpoint, ProxyPort } from './ports.js';
import { savedProbability } from './probability.js';
import { append, comment, type Table } from './table.js';

export const MARK_MASQ = 'KUBE-MARK-MASQ';
/** metrics.LocalhostNodePortAcceptedNFAcctCounter; iptables prints two spaces before it. */
export const LOCALHOST_NP_COUNTER = 'localhost_nps_accepted_pkts';
const REJECT = 'REJECT --reject-with icmp-port-unreachable';

export interface ProxyTables {
  nat: Table;
  filter: Table;
  /** The pod network's CIDR (clusterCIDR): traffic from elsewhere to a cluster IP is masqueraded. */
  clusterCIDR: string | undefined;
}

interface Plan {
  svc: string;
  svl: string;
  ext: string;
  cluster: ProxyEndpoint[];
  local: ProxyEndpoint[];
  hasEndpoints: boolean;
  hasInternal: boolean;
  hasExternal: boolean;
  internalChain: string;
}

function plan(p: ProxyPort): Plan {
  const svc = svcChain(p.spn, p.protocol);
  const svl = svlChain(p.spn, p.protocol);
  const external = p.nodePort !== undefined;
  const usesCluster = !p.internalLocal || (external && !p.externalLocal);
  const usesLocal = p.internalLocal || p.externalLocal;
  const local = usesLocal ? p.endpoints.filter((e) => e.local) : [];
  const hasEndpoints = p.endpoints.length > 0;
  return {
    svc, svl, ext: extChain(p.spn, p.protocol),
    cluster: usesCluster ? p.endpoints : [], local, hasEndpoints,
    hasInternal: hasEndpoints && (!p.internalLocal || local.length > 0),
    hasExternal: hasEndpoints && (!p.externalLocal || local.length > 0),
    internalChain: p.internalLocal ? svl : svc,
  };
}

const dest = (p: ProxyPort): string => `-d ${p.clusterIP}/32 -p ${p.protocol}`;
const dport = (p: ProxyPort, port: number): string => `-m ${p.protocol} --dport ${port}`;

function clusterIPRules(t: ProxyTables, p: ProxyPort, pl: Plan): void {
  if (pl.hasInternal) {
    append(t.nat, 'KUBE-SERVICES', `${dest(p)} ${comment(`${p.spn} cluster IP`)} ${dport(p, p.port)} -j ${pl.internalChain}`);
    if (t.clusterCIDR) append(t.nat, pl.internalChain, `! -s ${t.clusterCIDR} ${dest(p)} ${comment(`${p.spn} cluster IP`)} ${dport(p, p.port)} -j ${MARK_MASQ}`);
    return;
  }
  const [why, target] = pl.hasEndpoints ? ['has no local endpoints', 'DROP'] : ['has no endpoints', REJECT];
  append(t.filter, 'KUBE-SERVICES', `${dest(p)} ${comment(`${p.spn} ${why}`)} ${dport(p, p.port)} -j ${target}`);
}

function nodePortRules(t: ProxyTables, p: ProxyPort, pl: Plan): void {
  if (p.nodePort === undefined) return;
  const head = `-p ${p.protocol} ${comment(p.spn)} ${dport(p, p.nodePort)}`;
  if (pl.hasEndpoints) {
    append(t.nat, 'KUBE-NODEPORTS', `-d 127.0.0.0/8 ${head} -m nfacct --nfacct-name  ${LOCALHOST_NP_COUNTER} -j ${pl.ext}`);
    append(t.nat, 'KUBE-NODEPORTS', `${head} -j ${pl.ext}`);
  }
  if (!pl.hasExternal) {
    const [why, target] = pl.hasEndpoints ? ['has no local endpoints', 'DROP'] : ['has no endpoints', REJECT];
    append(t.filter, 'KUBE-EXTERNAL-SERVICES', `-p ${p.protocol} ${comment(`${p.spn} ${why}`)} -m addrtype --dst-type LOCAL ${dport(p, p.nodePort)} -j ${target}`);
  }
}

function externalChainRules(t: ProxyTables, p: ProxyPort, pl: Plan): void {
  if (!pl.hasEndpoints || p.nodePort === undefined) return;
  const ext = pl.ext;
  if (!p.externalLocal) {
    append(t.nat, ext, `${comment(`masquerade traffic for ${p.spn} external destinations`)} -j ${MARK_MASQ}`);
  } else {
    if (t.clusterCIDR) append(t.nat, ext, `-s ${t.clusterCIDR} ${comment(`pod traffic for ${p.spn} external destinations`)} -j ${pl.svc}`);
    append(t.nat, ext, `${comment(`masquerade LOCAL traffic for ${p.spn} external destinations`)} -m addrtype --src-type LOCAL -j ${MARK_MASQ}`);
    append(t.nat, ext, `${comment(`route LOCAL traffic for ${p.spn} external destinations`)} -m addrtype --src-type LOCAL -j ${pl.svc}`);
  }
  if (pl.hasExternal) append(t.nat, ext, `-j ${p.externalLocal ? pl.svl : pl.svc}`);
}

/** writeServiceToEndpointRules: affinity checks first, then one random-probability rule each. */
function dispatchRules(nat: Table, p: ProxyPort, chain: string, eps: ProxyEndpoint[]): void {
  if (!eps.length) return;
  if (p.stickySeconds !== undefined) {
    for (const e of eps) append(nat, chain, `${comment(`${p.spn} -> ${e.addr}`)} -m recent --rcheck --seconds ${p.stickySeconds} --reap --name ${e.chain} --mask 255.255.255.255 --rsource -j ${e.chain}`);
  }
  eps.forEach((e, i) => {
    const pick = i < eps.length - 1 ? ` -m statistic --mode random --probability ${savedProbability(eps.length - i)}` : '';
    append(nat, chain, `${comment(`${p.spn} -> ${e.addr}`)}${pick} -j ${e.chain}`);
  });
}

function endpointChains(nat: Table, p: ProxyPort, eps: ProxyEndpoint[]): void {
  const sticky = p.stickySeconds !== undefined;
  for (const e of eps) {
    append(nat, e.chain, `-s ${e.ip}/32 ${comment(p.spn)} -j ${MARK_MASQ}`);
    const recent = sticky ? ` -m recent --set --name ${e.chain} --mask 255.255.255.255 --rsource` : '';
    append(nat, e.chain, `-p ${p.protocol} ${comment(p.spn)}${recent} -m ${p.protocol} -j DNAT --to-destination ${e.addr}`);
  }
}

/** Everything kube-proxy writes for one Service port. */
export function serviceRules(t: ProxyTables, p: ProxyPort): void {
  const pl = plan(p);
  clusterIPRules(t, p, pl);
  nodePortRules(t, p, pl);
  externalChainRules(t, p, pl);
  dispatchRules(t.nat, p, pl.svc, pl.cluster);
  dispatchRules(t.nat, p, pl.svl, pl.local);
  const reachable = new Map([...pl.cluster, ...pl.local].map((e) => [e.addr, e]));
  endpointChains(t.nat, p, [...reachable.values()]);
}
