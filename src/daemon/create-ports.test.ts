import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { isPortFree, pickClusterPorts } from './create-ports.js';
import { freePort } from '../../test/support/ports.js';

const servers: net.Server[] = [];

function occupy(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
    servers.push(s);
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('port picking', () => {
  it('tells a free port from a taken one', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    await occupy(port);
    expect(await isPortFree(port)).toBe(false);
  });

  it('starts at kubeadm\'s ports and never gives a taken one', async () => {
    const first = await pickClusterPorts([], {});
    expect(first.apiserverPort).toBeGreaterThanOrEqual(6443);
    expect(first.etcdClientPort).toBeGreaterThanOrEqual(2379);
    expect(first.etcdPeerPort).toBe(first.etcdClientPort + 1);
    expect((first.etcdClientPort - 2379) % 2).toBe(0);
    await occupy(first.apiserverPort);
    await occupy(first.etcdClientPort);
    const second = await pickClusterPorts([], {});
    expect(second.apiserverPort).toBeGreaterThan(first.apiserverPort);
    expect(second.etcdClientPort).toBeGreaterThanOrEqual(first.etcdClientPort + 2);
    expect(second.etcdPeerPort).toBe(second.etcdClientPort + 1);
  });

  it('takes free ports at random below the outgoing-connection range, never the defaults, with KUBEDOJO_EPHEMERAL_PORTS=1', async () => {
    const env = { KUBEDOJO_EPHEMERAL_PORTS: '1' };
    const got = await pickClusterPorts([], env);
    for (const port of [got.apiserverPort, got.etcdClientPort, got.etcdPeerPort]) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
    expect(got.etcdPeerPort).toBe(got.etcdClientPort + 1);
    expect(new Set([got.apiserverPort, got.etcdClientPort, got.etcdPeerPort]).size).toBe(3);
    expect(await isPortFree(got.etcdPeerPort)).toBe(true);
  });

  it('skips a pair whose peer port is taken', async () => {
    const first = await pickClusterPorts([], {});
    await occupy(first.etcdPeerPort);
    const second = await pickClusterPorts([], {});
    expect(second.etcdClientPort).toBeGreaterThanOrEqual(first.etcdClientPort + 2);
  });

  it('skips the ports other clusters saved (stopped clusters keep theirs)', async () => {
    const first = await pickClusterPorts([], {});
    const second = await pickClusterPorts([first.apiserverPort, first.etcdClientPort, first.etcdPeerPort], {});
    expect(second.apiserverPort).not.toBe(first.apiserverPort);
    expect([second.etcdClientPort, second.etcdPeerPort]).not.toContain(first.etcdClientPort);
    expect([second.etcdClientPort, second.etcdPeerPort]).not.toContain(first.etcdPeerPort);
  });
});
