import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheRoot, DISCOVERY_TTL_MS, discoveryCacheDir, DiskCache, goPathError } from './disk-cache.js';

describe('discoveryCacheDir (cli-runtime computeDiscoverCacheDir)', () => {
  it.each([
    ['https://127.0.0.1:6443', '/c/discovery/127.0.0.1_6443'],
    ['http://localhost:8080', '/c/discovery/localhost_8080'],
    ['127.0.0.1:6443', '/c/discovery/127.0.0.1_6443'],
    ['https://[::1]:6443', '/c/discovery/___1__6443'],
    ['https://k8s.example.com:443/prefix/', '/c/discovery/k8s.example.com_443/prefix'],
    ['https://bücher.example:6443', '/c/discovery/b_cher.example_6443'],
    ['https://h-1_(x):6443', '/c/discovery/h_1_(x)_6443'],
  ])('%s', (host, want) => {
    expect(discoveryCacheDir('/c', host)).toBe(want);
  });
});

describe('cacheRoot (--cache-dir, then KUBECACHEDIR, then $HOME/.kube/cache)', () => {
  it.each([
    { flag: undefined, env: { HOME: '/home/u' }, want: '/home/u/.kube/cache' },
    { flag: '', env: { HOME: '/home/u' }, want: '/home/u/.kube/cache' },
    { flag: undefined, env: { HOME: '/home/u', KUBECACHEDIR: '/k' }, want: '/k' },
    { flag: '/f', env: { HOME: '/home/u', KUBECACHEDIR: '/k' }, want: '/f' },
    { flag: 'rel', env: { HOME: '/home/u' }, want: '/cwd/rel' },
    { flag: undefined, env: {}, want: '/cwd/.kube/cache' },
  ])('flag=$flag env=$env', ({ flag, env, want }) => {
    expect(cacheRoot(flag, env, '/cwd')).toBe(want);
  });
});

describe('DiskCache', () => {
  let dir: string;
  let now: number;
  const cache = (): DiskCache => new DiskCache(join(dir, 'discovery', 'h_1'), DISCOVERY_TTL_MS, () => now);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-disk-cache-'));
    now = Date.now();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through a temp file with client-go modes (dirs 0750, files 0660) and reads its own files as fresh', () => {
    const c = cache();
    c.write('apps/v1/serverresources.json', 'x\n');
    expect(statSync(join(dir, 'discovery')).mode & 0o777).toBe(0o750);
    expect(statSync(join(dir, 'discovery/h_1/apps/v1')).mode & 0o777).toBe(0o750);
    expect(statSync(c.path('apps/v1/serverresources.json')).mode & 0o777).toBe(0o660);
    expect(readdirSync(join(dir, 'discovery/h_1/apps/v1'))).toEqual(['serverresources.json']);
    expect(c.read('apps/v1/serverresources.json')).toBe('x\n');
    expect(c.fresh).toBe(true);
  });

  it('reads another process\'s file while younger than 6h, and is then no longer fresh', () => {
    cache().write('servergroups.json', 'g');
    const c = cache();
    expect(c.read('servergroups.json')).toBe('g');
    expect(c.fresh).toBe(false);
  });

  it.each([
    [DISCOVERY_TTL_MS - 1000, 'g'],
    [DISCOVERY_TTL_MS + 1000, undefined],
  ])('a file %d ms old reads as %s', (age, want) => {
    cache().write('servergroups.json', 'g');
    const t = new Date(now - age);
    utimesSync(join(dir, 'discovery/h_1/servergroups.json'), t, t);
    const c = cache();
    expect(c.read('servergroups.json')).toBe(want);
    expect(c.fresh).toBe(want === undefined);
  });

  it('after invalidate trusts only files it wrote itself', () => {
    cache().write('a.json', 'old');
    cache().write('b.json', 'old');
    const c = cache();
    c.invalidate();
    expect(c.read('a.json')).toBeUndefined();
    c.write('b.json', 'new');
    expect(c.read('b.json')).toBe('new');
    expect(c.fresh).toBe(true);
  });

  it('a missing file reads as undefined', () => {
    expect(cache().read('nope.json')).toBeUndefined();
  });

  it('fails to write under a regular file, leaving nothing behind', () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const c = new DiskCache(join(dir, 'afile', 'discovery', 'h_1'));
    let err: unknown;
    try {
      c.write('servergroups.json', 'g');
    } catch (e) {
      err = e;
    }
    expect(goPathError(err)).toMatch(/^mkdir .*afile.*: not a directory$/);
    expect(c.read('servergroups.json')).toBeUndefined();
  });

  it('a failed rename removes its temp file', () => {
    const c = cache();
    mkdirSync(c.path('servergroups.json'), { recursive: true });
    writeFileSync(join(c.path('servergroups.json'), 'keep'), '');
    expect(() => c.write('servergroups.json', 'g')).toThrow();
    expect(readdirSync(c.dir)).toEqual(['servergroups.json']);
  });
});
