// The pod network's agent: the daemon's stand-in for kube-proxy and a policy-enforcing CNI, which
// on a real node read Services, EndpointSlices, Pods, Nodes, NetworkPolicies and Namespaces with
// cluster-wide read rights of their own. Its client certificate is minted in memory at start by the
// cluster CA (never written anywhere) and used for those list calls only. Without the CA key the
// nodes' networks read with their kubelets' identities (no slices, no policies).
import type { ClusterPaths } from './paths.js';
import { RestClient } from '../client/rest.js';
import type { RestConfig } from '../client/rest-config.js';
import { ClusterView } from '../kubelet/network/view.js';
import { MASTERS_GROUP } from './pki/specs.js';
import { generateKeyPair, loadClusterCa, privateKeyPem, signClientCert } from './pki/index.js';

export const NETWORK_AGENT_USER = 'kubedojo:pod-network';

export interface NetworkAgent {
  view: ClusterView;
  close(): void;
}

export async function startNetworkAgent(paths: ClusterPaths, base: RestConfig, version: string, now: () => number, log: (m: string) => void): Promise<NetworkAgent | undefined> {
  try {
    const ca = await loadClusterCa(paths);
    const keys = await generateKeyPair();
    const cert = await signClientCert({ ca, commonName: NETWORK_AGENT_USER, organizations: [MASTERS_GROUP], publicKey: keys.publicKey, days: 1 });
    const rc: RestConfig = { server: base.server, cert, key: privateKeyPem(keys.privateKey), userAgent: `kube-proxy/${version} (linux/amd64) kubernetes` };
    if (base.ca) rc.ca = base.ca;
    const client = new RestClient(rc);
    return { view: new ClusterView(client, now), close: () => client.close() };
  } catch (err) {
    log(`pod network: reading with the kubelets' identities: ${(err as Error).message}`);
    return undefined;
  }
}
