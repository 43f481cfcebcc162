// The backup drill: snapshot save through the real etcdctl, restore into a new data dir, start
// the server on it: the keys and the revision are the snapshot's, the raft log starts afresh
// (term 2, index 4: what a real etcd 3.4 shows after the same drill).
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Running } from '../../src/etcd/serve.js';
import { buildConfig } from '../../src/etcd/config.js';
import { parseFlags } from '../../src/etcd/flags.js';
import { createLogger } from '../../src/etcd/log.js';
import { parseInitialCluster, restoreDataDir, RestoreError } from '../../src/etcd/offline.js';
import { freePorts } from '../support/ports.js';

const ETCDCTL = '/usr/bin/etcdctl';
const dir = mkdtempSync(join(tmpdir(), 'kubedojo-restore-'));

async function start(dataDir: string): Promise<{ running: Running; endpoint: string }> {
  const [client, peer] = await freePorts(2);
  const endpoint = `127.0.0.1:${client}`;
  const parsed = parseFlags(['--data-dir', dataDir, '--listen-client-urls', `http://${endpoint}`, '--advertise-client-urls', `http://${endpoint}`, '--listen-peer-urls', `http://127.0.0.1:${peer}`], {});
  if (parsed.kind !== 'run') throw new Error(parsed.kind);
  return { running: await serve(buildConfig(parsed.values), createLogger(() => undefined)), endpoint };
}

const ctl = (endpoint: string, args: string[]): Promise<string> =>
  new Promise((resolve) => {
    const child = spawn(ETCDCTL, ['--endpoints', endpoint, ...args], { env: { PATH: process.env.PATH ?? '' }, cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => resolve(out));
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(ETCDCTL))('snapshot restore', () => {
  it('brings back exactly the snapshot, with a new raft log', async () => {
    const first = await start(join(dir, 'd1'));
    await ctl(first.endpoint, ['put', 'a', '1']);
    await ctl(first.endpoint, ['put', 'b', '2']);
    expect(await ctl(first.endpoint, ['snapshot', 'save', 'snap.db'])).toBe('Snapshot saved at snap.db\n');
    await ctl(first.endpoint, ['put', 'c', 'after']);
    await first.running.stop();

    const restored = await restoreDataDir({
      snapshot: join(dir, 'snap.db'),
      dataDir: join(dir, 'd2'),
      name: 'default',
      initialCluster: parseInitialCluster('default=http://localhost:2380'),
      initialClusterToken: 'etcd-cluster',
      initialAdvertisePeerUrls: ['http://localhost:2380'],
    });
    expect(restored.info.revision).toBe(3);
    expect(restored.clusterId.toString(16)).toBe('cdf818194e3a8c32');

    const second = await start(join(dir, 'd2'));
    expect(await ctl(second.endpoint, ['get', '', '--prefix', '--keys-only'])).toBe('a\n\nb\n\n');
    expect(await ctl(second.endpoint, ['endpoint', 'status'])).toMatch(/, 8e9e05c52164694d, 3.4.23, [0-9.]+ kB, true, false, 2, 4, 4, \n$/);
    expect(await ctl(second.endpoint, ['get', 'a', '-w', 'json'])).toContain('"revision":3,"raft_term":2}');
    await second.running.stop();
  });

  it('refuses an existing data dir and a name missing from the initial cluster', async () => {
    const base = { snapshot: join(dir, 'snap.db'), initialClusterToken: 'etcd-cluster', initialAdvertisePeerUrls: ['http://localhost:2380'], initialCluster: parseInitialCluster('default=http://localhost:2380') };
    await expect(restoreDataDir({ ...base, dataDir: join(dir, 'd2'), name: 'default' })).rejects.toThrow(`data-dir "${join(dir, 'd2')}" exists`);
    await expect(restoreDataDir({ ...base, dataDir: join(dir, 'd3'), name: 'x' })).rejects.toThrow(RestoreError);
  });
});
