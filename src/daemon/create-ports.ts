// The ports a new cluster gets: kubeadm's (apiserver 6443, etcd 2379/2380) when they are free,
// else the next free ones, skipping ports held by other processes and ports saved by the other
// clusters of this home (a stopped cluster keeps its ports for when it starts again).
import net from 'node:net';

export const APISERVER_PORT = 6443;
export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
/** How far past the default a port is looked for before giving up. */
const SEARCH_SPAN = 200;

export interface ClusterPorts {
  apiserverPort: number;
  etcdClientPort: number;
  etcdPeerPort: number;
}

/** Whether nothing listens on 127.0.0.1:port (we can bind it right now). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function usable(port: number, reserved: ReadonlySet<number>): Promise<boolean> {
  return !reserved.has(port) && (await isPortFree(port));
}

async function pickApiserverPort(reserved: ReadonlySet<number>): Promise<number> {
  for (let port = APISERVER_PORT; port < APISERVER_PORT + SEARCH_SPAN; port++) {
    if (await usable(port, reserved)) return port;
  }
  throw new Error(`no free port for the apiserver in ${APISERVER_PORT}-${APISERVER_PORT + SEARCH_SPAN - 1}`);
}

/** etcd's client and peer ports go in pairs: 2379/2380, then 2381/2382, and so on. */
async function pickEtcdPorts(reserved: ReadonlySet<number>): Promise<[number, number]> {
  for (let client = ETCD_CLIENT_PORT; client < ETCD_CLIENT_PORT + SEARCH_SPAN; client += 2) {
    if ((await usable(client, reserved)) && (await usable(client + 1, reserved))) return [client, client + 1];
  }
  throw new Error(`no free pair of ports for etcd in ${ETCD_CLIENT_PORT}-${ETCD_CLIENT_PORT + SEARCH_SPAN - 1}`);
}

/** Picks the ports of a new cluster; `reserved` are the ports other clusters already own. */
export async function pickClusterPorts(reserved: Iterable<number> = []): Promise<ClusterPorts> {
  const taken = new Set(reserved);
  const apiserverPort = await pickApiserverPort(taken);
  taken.add(apiserverPort);
  const [etcdClientPort, etcdPeerPort] = await pickEtcdPorts(taken);
  return { apiserverPort, etcdClientPort, etcdPeerPort };
}
