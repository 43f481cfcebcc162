import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../shared/io.js';
import { Klog } from '../klog.js';
import { CachedDiscovery, CacheNotFoundError } from './cached-discovery.js';
import { DiskCache } from './disk-cache.js';
import { splitAggregated, type AggList } from './legacy.js';

interface Capture { api: AggList; apis: AggList; files: Record<string, string> }
const capture = JSON.parse(readFileSync(new URL('./testdata/kubectl-v1.32.4-cache.json', import.meta.url), 'utf8')) as Capture;
const FILES = Object.keys(capture.files).sort();

/** A discovery over a temp cache folder whose server answers with the captured cluster, counting fetches. */
class Harness {
  fetches = 0;
  down = false;
  err = '';
  readonly io = { stderr: { write: (s: string) => ((this.err += s), true) } } as unknown as Io;

  constructor(readonly dir: string, private readonly v = 0) {}

  open(): CachedDiscovery {
    const fetch = async () => {
      this.fetches++;
      if (this.down) throw new Error('Get "https://127.0.0.1:1/api?timeout=32s": dial tcp 127.0.0.1:1: connect: connection refused');
      return splitAggregated([capture.api, capture.apis]);
    };
    return new CachedDiscovery(fetch, new DiskCache(this.dir), new Klog(this.io.stderr, this.v));
  }

  files(): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const e of readdirSync(join(this.dir, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(r);
        else out.push(r);
      }
    };
    walk('');
    return out.sort();
  }

  age(rel: string, ms: number): void {
    const t = new Date(Date.now() - ms);
    utimesSync(join(this.dir, rel), t, t);
  }
}

describe('CachedDiscovery', () => {
  let root: string;
  let h: Harness;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kubedojo-discovery-'));
    h = new Harness(join(root, 'discovery', '127.0.0.1_6443'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('on an empty cache fetches once and writes the files the real kubectl writes', async () => {
    const d = h.open();
    const all = await d.serverGroupsAndResources(h.io);
    expect(h.fetches).toBe(1);
    expect(all.failed.size).toBe(0);
    expect(h.files()).toEqual(FILES);
    for (const f of FILES) expect(readFileSync(join(h.dir, f), 'utf8')).toBe(capture.files[f]);
    expect(d.fresh).toBe(true);
  });

  it('on a warm cache fetches nothing and is not fresh (a miss must refetch)', async () => {
    await h.open().serverGroupsAndResources(h.io);
    const d = h.open();
    const all = await d.serverGroupsAndResources(h.io);
    expect(h.fetches).toBe(1);
    expect(all.lists.get('apps/v1')?.resources.map((r) => r.name)).toContain('deployments/scale');
    expect(d.fresh).toBe(false);
  });

  it('after invalidate fetches again and rewrites every file', async () => {
    await h.open().serverGroupsAndResources(h.io);
    for (const f of FILES) writeFileSync(join(h.dir, f), 'garbage');
    const d = h.open();
    d.invalidate();
    await d.serverGroupsAndResources(h.io);
    expect(h.fetches).toBe(2);
    for (const f of FILES) expect(readFileSync(join(h.dir, f), 'utf8')).toBe(capture.files[f]);
    expect(d.fresh).toBe(true);
  });

  it('an expired servergroups.json alone is refetched and rewritten; fresh group files are kept', async () => {
    await h.open().serverGroupsAndResources(h.io);
    h.age('servergroups.json', 7 * 3600_000);
    const before = statSync(join(h.dir, 'apps/v1/serverresources.json')).mtimeMs;
    await h.open().serverGroupsAndResources(h.io);
    expect(h.fetches).toBe(2);
    expect(Date.now() - statSync(join(h.dir, 'servergroups.json')).mtimeMs).toBeLessThan(60_000);
    expect(statSync(join(h.dir, 'apps/v1/serverresources.json')).mtimeMs).toBe(before);
  });

  it('an undecodable file counts as missing', async () => {
    await h.open().serverGroupsAndResources(h.io);
    writeFileSync(join(h.dir, 'v1/serverresources.json'), '{"kind":"Status"}');
    await h.open().serverGroupsAndResources(h.io);
    expect(h.fetches).toBe(2);
    expect(readFileSync(join(h.dir, 'v1/serverresources.json'), 'utf8')).toBe(capture.files['v1/serverresources.json']);
  });

  it('a failed fetch rejects and the next caller fetches again', async () => {
    h.down = true;
    const d = h.open();
    await expect(d.serverGroups()).rejects.toThrow(/connection refused/);
    await expect(d.serverGroups()).rejects.toThrow(/connection refused/);
    expect(h.fetches).toBe(2);
  });

  it('a group version the server no longer serves is memcache\'s "not found"', async () => {
    const d = h.open();
    await expect(d.serverResourcesForGroupVersion('gone.example.com/v1')).rejects.toBeInstanceOf(CacheNotFoundError);
  });

  it('works from memory when the cache cannot be written, logging each failure at -v=1', async () => {
    writeFileSync(join(root, 'afile'), '');
    const unwritable = new Harness(join(root, 'afile', 'discovery', 'h'), 1);
    const d = unwritable.open();
    const all = await d.serverGroupsAndResources(unwritable.io);
    expect(all.lists.size).toBe(FILES.length - 1);
    expect(unwritable.fetches).toBe(1);
    expect(d.fresh).toBe(true);
    expect(unwritable.err).toMatch(/^I\d{4} [\d:.]+ +\d+ cached_discovery.go:129\] failed to write cache to .*\/afile\/discovery\/h\/servergroups.json due to mkdir .*: not a directory\n/);
    expect(unwritable.err.split('\n').filter((l) => l.includes('cached_discovery.go:93]'))).toHaveLength(FILES.length - 1);
  });
});
