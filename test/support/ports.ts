// Loopback ports chosen at run time.
import { readFileSync } from 'node:fs';
import net from 'node:net';

function listenAny(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/** n different free ports: each is held until all are chosen, so none is handed out twice. */
export async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < n; i++) servers.push(await listenAny());
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  }
}

/** The kernel's range for ports handed out by listen(0) and outgoing connections. */
function ephemeralRange(): [number, number] {
  try {
    const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (lo !== undefined && hi !== undefined && lo > 0 && hi >= lo) return [lo, hi];
  } catch {
    // not Linux: the IANA dynamic range
  }
  return [49152, 65535];
}

/**
 * A port nothing listens on, for "connection refused" cases that hold it for a whole file.
 * A port from freePort() goes back to the kernel's ephemeral pool, where a server started by a
 * test running alongside can be given it; this one is below that pool, which is where every test
 * server's port comes from, so it stays dead.
 */
export async function deadPort(): Promise<number> {
  const [lo] = ephemeralRange();
  const floor = Math.max(1024, lo - 10_000);
  for (;;) {
    const port = floor + Math.floor(Math.random() * (lo - floor));
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
