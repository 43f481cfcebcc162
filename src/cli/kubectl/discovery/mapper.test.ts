import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../shared/io.js';
import { Klog } from '../klog.js';
import { CachedDiscovery } from './cached-discovery.js';
import { DiskCache } from './disk-cache.js';
import { splitAggregated, type AggList, type ApiResourceList } from './legacy.js';
import { apiResources, NoResourceMatchError, RestMapper } from './mapper.js';

interface Capture { api: AggList; apis: AggList }
const capture = JSON.parse(readFileSync(new URL('./testdata/kubectl-v1.32.4-cache.json', import.meta.url), 'utf8')) as Capture;
const klogLine = /^[EI]\d{4} [\d:.]+ +\d+ /gm;

describe('apiResources: NewDiscoveryRESTMapper input and ServerPreferredResources choice', () => {
  const res = (name: string) => ({ name, singularName: '', namespaced: true, kind: name.toUpperCase(), verbs: ['get'] });
  const lists = new Map<string, ApiResourceList>([
    ['g/v2', { groupVersion: 'g/v2', resources: [res('as'), res('as/status')] }],
    ['g/v1', { groupVersion: 'g/v1', resources: [res('as'), res('bs')] }],
  ]);
  const groups = [{ name: 'g', versions: [{ groupVersion: 'g/v2', version: 'v2' }, { groupVersion: 'g/v1', version: 'v1' }], preferredVersion: { groupVersion: 'g/v2', version: 'v2' } }];

  it('leaves subresources out, prefers the preferred version, else the first version serving it', () => {
    const got = apiResources(groups, lists).map((r) => `${r.resource}@${r.version}${r.preferred ? '*' : ''}`);
    expect(got).toEqual(['as@v2*', 'as@v1', 'bs@v1*']);
  });
  it('guesses a missing singular from the kind, as client-go does', () => {
    expect(apiResources(groups, lists)[0]?.singular).toBe('as');
  });
});

describe('RestMapper over the disk cache (DeferredDiscoveryRESTMapper)', () => {
  let dir: string;
  let fetches: number;
  let down: boolean;
  let err: string;
  const io = { stderr: { write: (s: string) => ((err += s), true) } } as unknown as Io;
  const load = (v = 5): Promise<RestMapper> => {
    const fetch = async () => {
      fetches++;
      if (down) throw new Error('Get "https://127.0.0.1:1/api?timeout=32s": dial tcp 127.0.0.1:1: connect: connection refused');
      return splitAggregated([capture.api, capture.apis]);
    };
    const klog = new Klog(io.stderr, v);
    return RestMapper.load(new CachedDiscovery(fetch, new DiskCache(dir), klog), { io, klog, attempts: 5 });
  };
  /** The warm cache with an extra short name for pods and without configmaps, as if written before a change. */
  const doctor = (): void => {
    const f = join(dir, 'v1/serverresources.json');
    const text = readFileSync(f, 'utf8').replace('"shortNames":["po"]', '"shortNames":["po","zz"]').replace(/\{"name":"configmaps",[^}]*\},/, '');
    writeFileSync(f, text);
  };
  beforeEach(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'kubedojo-mapper-')), 'discovery', 'h');
    fetches = 0;
    down = false;
    err = '';
    await load();
    doctor();
  });
  afterEach(() => rmSync(join(dir, '../..'), { recursive: true, force: true }));

  it('resolves from the cache without fetching, honouring what only the cache knows', async () => {
    const m = await load();
    expect((await m.resolve('zz')).resource).toBe('pods');
    expect(fetches).toBe(1);
  });

  it('on a miss over cached data says so at -v=5, refetches and finds it', async () => {
    const m = await load();
    expect((await m.resolve('cm')).resource).toBe('configmaps');
    expect(fetches).toBe(2);
    expect(err.replace(klogLine, '')).toBe('discovery.go:214] Invalidating discovery information\n');
    expect(m.shortNameWarning('zz')).toBeUndefined();
    await expect(m.resolve('zz')).rejects.toThrow('the server doesn\'t have a resource type "zz"');
    expect(fetches).toBe(2);
  });

  it('a miss on data fetched by this command is final', async () => {
    rmSync(dir, { recursive: true });
    const m = await load();
    await expect(m.resolve('nosuch')).rejects.toBeInstanceOf(NoResourceMatchError);
    expect(fetches).toBe(2);
  });

  it('lookup and retry reset the same way', async () => {
    const m = await load();
    expect(await m.lookup((x) => x.resources.find((r) => r.kind === 'ConfigMap'))).toBeDefined();
    doctor();
    const n = await load();
    expect(await n.retry((x) => { if (!x.resources.some((r) => r.kind === 'ConfigMap')) throw new NoResourceMatchError('cm'); return 1; })).toBe(1);
    expect(fetches).toBe(3);
  });

  it('a refetch that fails after a miss logs what kubectl logs then (3 lines for get\'s 5) and rejects', async () => {
    const m = await load();
    down = true;
    await expect(m.resolve('nosuch')).rejects.toThrow(/connection refused/);
    const lines = err.split('\n').filter((l) => l.includes('memcache.go:265]'));
    expect(lines).toHaveLength(3);
    expect(lines[0]!.replace(klogLine, '')).toBe('memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"https://127.0.0.1:1/api?timeout=32s\\": dial tcp 127.0.0.1:1: connect: connection refused"');
  });

  it('invalidate (api-resources) refetches even on a warm cache', async () => {
    const fetch = async () => (fetches++, splitAggregated([capture.api, capture.apis]));
    const klog = new Klog(io.stderr, 0);
    const m = await RestMapper.load(new CachedDiscovery(fetch, new DiskCache(dir), klog), { io, klog, attempts: 1, invalidate: true });
    expect(fetches).toBe(2);
    expect(m.preferred().some((r) => r.resource === 'configmaps')).toBe(true);
  });
});
