// kubectl's on-disk discovery cache (client-go's CachedDiscoveryClient), ours against the real
// kubectl v1.32.4 on one cluster: the same files byte for byte, each reading what the other
// wrote, the 6-hour TTL, a miss over cached data refetching (`Invalidating discovery
// information` at -v=5), api-resources/api-versions always refetching, a down server answered
// from the cache. Every comparison runs at -v=6, so the requests each side makes are compared
// too (times, pids and durations normalised).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster, type RunResult } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const c = useCluster();
const temps: string[] = [];
const DISCOVERY = /GET https:\/\/[^ ]+\/apis?\?timeout=32s/g;

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kubectl-discovery-'));
  temps.push(d);
  return d;
}

type Side = 'real' | 'ours';
const run = (side: Side, args: string[], cache: string): Promise<RunResult> => {
  const env = { ...c.env, KUBECACHEDIR: cache };
  return side === 'real' ? c.kubectl(args, { env }) : runOurs(args, env);
};

const norm = (text: string): string => normalise(text).replace(/ in \d+ milliseconds/g, ' in N milliseconds');
const hostDir = (cache: string): string => join(cache, 'discovery', readdirSync(join(cache, 'discovery'))[0]!);

/** The cache as one side leaves it after `get ns` on an empty one. */
async function warm(cache: string, by: Side = 'real'): Promise<void> {
  const r = await run(by, ['get', 'ns'], cache);
  expect(r.code).toBe(0);
}

function age(cache: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else utimesSync(join(d, e.name), t, t);
    }
  };
  walk(join(cache, 'discovery'));
}

/** A cache written before a change on the server: pods had a short name `zz`, configmaps did not exist. */
function doctor(cache: string): void {
  const f = join(hostDir(cache), 'v1/serverresources.json');
  const text = readFileSync(f, 'utf8');
  const changed = text.replace('"shortNames":["po"]', '"shortNames":["po","zz"]').replace(/\{"name":"configmaps",[^}]*\},/, '');
  expect(changed).not.toBe(text);
  writeFileSync(f, changed);
}

/** Every file and folder under the cache: path, mode, and the bytes of files. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = join(rel, e.name);
      const mode = (statSync(join(root, r)).mode & 0o777).toString(8);
      out[r] = e.isDirectory() ? `dir ${mode}` : `file ${mode} ${readFileSync(join(root, r), 'utf8')}`;
      if (e.isDirectory()) walk(r);
    }
  };
  walk('discovery');
  return out;
}

interface Scenario {
  name: string;
  args: string[];
  setup?: (cache: string) => Promise<void> | void;
  /** how many times each side fetches /api and /apis */
  fetches: number;
}

const WARM = (cache: string) => warm(cache);
const DOCTORED = async (cache: string) => { await warm(cache); doctor(cache); };
const SCENARIOS: Scenario[] = [
  { name: 'an empty cache is filled', args: ['get', 'pods'], fetches: 1 },
  { name: 'a warm cache is used', args: ['get', 'pods'], setup: WARM, fetches: 0 },
  { name: 'a cache older than 6h is refetched', args: ['get', 'pods'], setup: async (d) => { await warm(d); age(d, 7 * 3600_000); }, fetches: 1 },
  { name: 'a cache 5h old is used', args: ['get', 'pods'], setup: async (d) => { await warm(d); age(d, 5 * 3600_000); }, fetches: 0 },
  { name: 'an unknown type on a warm cache refetches, then fails', args: ['get', 'nosuch'], setup: WARM, fetches: 1 },
  { name: 'an unknown type on an empty cache fetches once', args: ['get', 'nosuch'], fetches: 1 },
  { name: 'a short name only the cache knows is honoured', args: ['get', 'zz'], setup: DOCTORED, fetches: 0 },
  { name: 'a type missing from the cache is found after a refetch', args: ['get', 'cm', '-n', 'kube-system'], setup: DOCTORED, fetches: 1 },
  { name: 'a short name only a stale cache knew is gone', args: ['get', 'zz'], setup: async (d) => { await DOCTORED(d); age(d, 7 * 3600_000); }, fetches: 1 },
  { name: 'describe misses the same way', args: ['describe', 'cm', 'nope'], setup: DOCTORED, fetches: 1 },
  { name: 'api-resources always refetches', args: ['api-resources'], setup: DOCTORED, fetches: 1 },
  { name: 'api-resources --cached reads the cache', args: ['api-resources', '--cached'], setup: DOCTORED, fetches: 0 },
  { name: 'api-versions always refetches', args: ['api-versions'], setup: DOCTORED, fetches: 1 },
];

describe.skipIf(!hasRealKubectl)('kubectl discovery cache: ours and the real one', () => {
  beforeAll(async () => {
    // The cluster's files must not change between the two sides' runs: wait for metrics-server's
    // group to turn from Stale (left out of servergroups.json's versions) to served.
    await eventually(c, ['api-versions'], (out) => out.includes('metrics.k8s.io/v1beta1'), 120_000);
  }, 130_000);

  it('writes the very files the real kubectl writes (bytes, dirs 0750, files 0660)', async () => {
    const real = tempDir();
    const ours = tempDir();
    await warm(real, 'real');
    await warm(ours, 'ours');
    expect(readdirSync(join(real, 'discovery'))).toEqual([`127.0.0.1_${new URL(serverOf()).port}`]);
    expect(tree(ours)).toEqual(tree(real));
  });

  it('each reads what the other wrote, under ~/.kube/cache by default', async () => {
    const home = tempDir();
    cpSync(join(c.home, '.kube'), join(home, '.kube'), { recursive: true });
    const env = { ...c.env, HOME: home, KUBECONFIG: join(home, '.kube/config') };
    expect((await runOurs(['get', 'ns'], env)).code).toBe(0);
    expect(readdirSync(join(home, '.kube/cache/discovery'))).toHaveLength(1);
    expect((await c.kubectl(['get', 'pods', '-v=6'], { env })).stderr.match(DISCOVERY)).toBeNull();
    rmSync(join(home, '.kube/cache'), { recursive: true });
    expect((await c.kubectl(['get', 'ns'], { env })).code).toBe(0);
    expect((await runOurs(['get', 'pods', '-v=6'], env)).stderr.match(DISCOVERY)).toBeNull();
  });

  it.each(SCENARIOS)('$name: $args', async (s) => {
    const got: Record<Side, RunResult> = {} as Record<Side, RunResult>;
    for (const side of ['real', 'ours'] as const) {
      const cache = tempDir();
      await s.setup?.(cache);
      got[side] = await run(side, [...s.args, '-v=6'], cache);
    }
    expect((got.real.stderr.match(DISCOVERY) ?? []).length, got.real.stderr).toBe(2 * s.fetches);
    expect({ code: got.ours.code, stdout: norm(got.ours.stdout), stderr: norm(got.ours.stderr) })
      .toEqual({ code: got.real.code, stdout: norm(got.real.stdout), stderr: norm(got.real.stderr) });
  });

  it('a down server with a warm cache: no discovery errors for known types, client-go\'s retries after a miss', async () => {
    const port = await closedPort();
    for (const args of [['get', 'pods'], ['get', 'nosuch'], ['api-resources', '--cached'], ['api-versions']]) {
      const got: Partial<Record<Side, RunResult>> = {};
      for (const side of ['real', 'ours'] as const) {
        const cache = tempDir();
        await warm(cache);
        cpSync(hostDir(cache), join(cache, 'discovery', `127.0.0.1_${port}`), { recursive: true });
        got[side] = await run(side, [...args, `--server=https://127.0.0.1:${port}`], cache);
      }
      expect(norm(got.ours!.stderr), args.join(' ')).toBe(norm(got.real!.stderr));
      expect([got.ours!.code, got.ours!.stdout]).toEqual([got.real!.code, got.real!.stdout]);
    }
  });

  it('an unwritable cache leaves kubectl working and silent', async () => {
    const file = join(tempDir(), 'afile');
    writeFileSync(file, '');
    const real = await run('real', ['get', 'nosuch'], file);
    const ours = await run('ours', ['get', 'nosuch'], file);
    expect(real.stderr).toBe('error: the server doesn\'t have a resource type "nosuch"\n');
    expect([ours.code, ours.stdout, ours.stderr]).toEqual([real.code, real.stdout, real.stderr]);
  });
});

function serverOf(): string {
  return /server: (\S+)/.exec(readFileSync(c.env.KUBECONFIG!, 'utf8'))![1]!;
}

function closedPort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}
