// The ports a new cluster gets: kubeadm's (apiserver 6443, etcd 2379/2380) when they are free,
// else the next free ones, skipping ports held by other processes and ports saved by the other
// clusters of this home (a stopped cluster keeps its ports for when it starts again).
// KUBEDOJO_EPHEMERAL_PORTS=1 takes free ports at random instead (tests run clusters side by side and
// must leave 6443/2379/2380 alone).
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

/** Where ephemeral-mode ports come from: below Linux's default ip_local_port_range (32768-60999),
 * so no outgoing connection can take a port between our pick and the daemon's bind. */
const EPHEMERAL_FROM = 20_000;
const EPHEMERAL_SPAN = 12_000;

async function pickEphemeral(reserved: ReadonlySet<number>): Promise<ClusterPorts> {
  const taken = new Set(reserved);
  const pick = async (pair: boolean): Promise<number> => {
    for (let tries = 0; tries < 200; tries++) {
      const port = EPHEMERAL_FROM + Math.floor(Math.random() * EPHEMERAL_SPAN);
      if (!(await usable(port, taken)) || (pair && !(await usable(port + 1, taken)))) continue;
      taken.add(port);
      if (pair) taken.add(port + 1);
      return port;
    }
    throw new Error(`no free ports in ${EPHEMERAL_FROM}-${EPHEMERAL_FROM + EPHEMERAL_SPAN}`);
  };
  const apiserverPort = await pick(false);
  const etcdClientPort = await pick(true);
  return { apiserverPort, etcdClientPort, etcdPeerPort: etcdClientPort + 1 };
}

/** Picks the ports of a new cluster; `reserved` are the ports other clusters already own. */
export async function pickClusterPorts(reserved: Iterable<number> = [], env: NodeJS.ProcessEnv = process.env): Promise<ClusterPorts> {
  const taken = new Set(reserved);
  if (env.KUBEDOJO_EPHEMERAL_PORTS === '1') return pickEphemeral(taken);
  const apiserverPort = await pickApiserverPort(taken);
  taken.add(apiserverPort);
  const [etcdClientPort, etcdPeerPort] = await pickEtcdPorts(taken);
  return { apiserverPort, etcdClientPort, etcdPeerPort };
}
