import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fakeSteps, FAKE_LAYOUT, makeFakePki } from '../../test/kubedojo/support.js';
import { listClusters, portsInUse, readClusterConfig } from './create-config.js';
import { createCluster } from './create.js';
import { KUBERNETES_VERSION } from './layout.js';
import { clusterPaths } from './paths.js';

describe('createCluster', () => {
  let pki = '';
  let home = '';
  beforeAll(() => {
    pki = makeFakePki();
    home = mkdtempSync(join(tmpdir(), 'kubedojo-create-'));
  });
  afterAll(() => {
    rmSync(pki, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('writes cluster.yaml with the layout and its ports, the PKI, node files and admin.conf', async () => {
    const calls: string[] = [];
    const paths = clusterPaths(home, 'one');
    const { config, created } = await createCluster(paths, '/tmp/layout.yaml', { ...fakeSteps(pki, calls), clock: () => Date.UTC(2026, 10, 22, 11, 34, 53, 739) });
    expect(created).toBe(true);
    expect(calls).toEqual(['loadLayout /tmp/layout.yaml', 'ensureClusterPki one', 'writeNodeFiles 3']);
    expect(config).toMatchObject({ ...FAKE_LAYOUT, name: 'one', kubernetesVersion: KUBERNETES_VERSION, createdAt: '2026-11-22T11:34:53Z' });
    expect(config.etcdPeerPort).toBe(config.etcdClientPort + 1);
    expect(parse(readFileSync(paths.config, 'utf8'))).toEqual(config);
    expect(readFileSync(paths.adminConf, 'utf8')).toContain(`server: https://127.0.0.1:${config.apiserverPort}`);
    expect(listClusters(home)).toEqual(['one']);
  });

  it('leaves an existing cluster as it is', async () => {
    const calls: string[] = [];
    const paths = clusterPaths(home, 'one');
    const before = readClusterConfig(paths);
    const again = await createCluster(paths, undefined, fakeSteps(pki, calls));
    expect(again).toEqual({ config: before, created: false });
    expect(calls).toEqual([]);
  });

  it('gives a second cluster other ports than the first, even while the first is stopped', async () => {
    const first = readClusterConfig(clusterPaths(home, 'one'));
    const { config } = await createCluster(clusterPaths(home, 'two'), undefined, fakeSteps(pki));
    const mine = [config.apiserverPort, config.etcdClientPort, config.etcdPeerPort];
    for (const port of [first.apiserverPort, first.etcdClientPort, first.etcdPeerPort]) expect(mine).not.toContain(port);
    expect(portsInUse(home, 'two')).toEqual([first.apiserverPort, first.etcdClientPort, first.etcdPeerPort]);
    expect(listClusters(home)).toEqual(['one', 'two']);
  });

  it('writes no cluster.yaml when a step fails, so the next up starts over', async () => {
    const paths = clusterPaths(home, 'broken');
    const steps = { ...fakeSteps(pki), writeNodeFiles: () => { throw new Error('disk full'); } };
    await expect(createCluster(paths, undefined, steps)).rejects.toThrow('disk full');
    expect(existsSync(paths.config)).toBe(false);
    expect(listClusters(home)).toEqual(['one', 'two']);
  });
});
