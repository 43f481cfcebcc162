// Restore of a real etcd's snapshot, against the real etcdctl: the snapshot comes from a real
// etcd started here, both etcdctls restore it with the same flags, and the WAL, the snap file,
// the log lines and the database's contents must be the same (the database's pages differ: the
// real one commits a bbolt transaction, ours rewrites one value in place). A real etcd then
// starts on our data dir and serves the keys.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealEtcd, REAL_ETCDCTL, run, startReal } from '../../../../../test/support/etcd-pair.js';
import { boltStatus, boltValue } from './bolt-reader.js';
import { restoreBolt } from './bolt-restore.js';
import type { RestoreOptions } from './format.js';

/** The real etcdctl (API 3) in a working directory; it must succeed. */
function realEtcdctl(cwd: string, args: string[]): Promise<{ stderr: string }> {
  return new Promise((done, fail) => {
    execFile(REAL_ETCDCTL, args, { cwd, env: { ETCDCTL_API: '3' } }, (err, _stdout, stderr) => (err ? fail(err) : done({ stderr })));
  });
}

const mask = (log: string) => log.replace(/"ts":[0-9.e+]+/g, '"ts":<TS>');

/** Every file under dir: "<relative path> <mode>" → bytes. */
function files(dir: string, at = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, at))) {
    const rel = join(at, name);
    if (statSync(join(dir, rel)).isDirectory()) for (const [k, v] of files(dir, rel)) out.set(k, v);
    else out.set(`${rel} ${(statSync(join(dir, rel)).mode & 0o777).toString(8)}`, readFileSync(join(dir, rel)));
  }
  return out;
}

const CASES: { name: string; args: string[]; o: Partial<RestoreOptions> }[] = [
  { name: 'defaults', args: [], o: {} },
  {
    name: 'three members, one with two peer URLs',
    args: ['--name', 'm2', '--initial-cluster', 'm1=http://10.0.0.1:2380,m2=https://10.0.0.3:2380,m2=http://10.0.0.2:2380,m3=http://h3:2380',
      '--initial-advertise-peer-urls', 'http://10.0.0.2:2380,https://10.0.0.3:2380', '--initial-cluster-token', 'tok'],
    o: {
      name: 'm2', token: 'tok', peerUrls: ['http://10.0.0.2:2380', 'https://10.0.0.3:2380'],
      cluster: new Map([['m1', ['http://10.0.0.1:2380']], ['m2', ['https://10.0.0.3:2380', 'http://10.0.0.2:2380']], ['m3', ['http://h3:2380']]]),
    },
  },
];

describe.skipIf(!haveRealEtcd)('bbolt snapshot restore, compared with the real etcdctl 3.4', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-bolt-restore-'));
    const etcd = await startReal({ v2: false, dataDir: join(dir, 'src') });
    const ctl = (...args: string[]) => run(REAL_ETCDCTL, ['--endpoints', etcd.url, ...args], { ETCDCTL_API: '3' });
    try {
      for (const k of ['a', 'a/b', 'b', 'c']) await ctl('put', k, `<${k}&>`);
      await ctl('compact', '3');
      expect((await ctl('snapshot', 'save', join(dir, 'snap.db'))).code).toBe(0);
    } finally {
      await etcd.stop();
    }
  }, 30_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)('$name: same WAL, snap file, log lines and keys', async ({ name, args, o }) => {
    const [real, ours] = ['real', 'ours'].map((w) => join(dir, `${w}-${name.replace(/\W+/g, '-')}`)) as [string, string];
    mkdirSync(real);
    mkdirSync(ours);
    const r = await realEtcdctl(real, ['snapshot', 'restore', '../snap.db', '--data-dir', 'data', ...args]);
    let log = '';
    restoreBolt({
      file: '../snap.db', name: 'default', dataDir: 'data', walDir: 'data/member/wal', token: 'etcd-cluster', skipHashCheck: false,
      cluster: new Map([['default', ['http://localhost:2380']]]), peerUrls: ['http://localhost:2380'], ...o,
    }, ours, (line) => (log += line));
    expect(mask(log)).toBe(mask(r.stderr));
    expect(log).toContain('restored last compact revision');
    const [want, got] = [files(join(real, 'data')), files(join(ours, 'data'))];
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [path, bytes] of want) {
      if (path.startsWith('member/snap/db ')) continue;
      expect(got.get(path)!.equals(bytes), path).toBe(true);
    }
    const [wantDb, gotDb] = [want, got].map((f) => f.get('member/snap/db 600')!) as [Buffer, Buffer];
    const { totalSize: _w, ...wantStatus } = boltStatus(wantDb);
    const { totalSize: _g, ...gotStatus } = boltStatus(gotDb);
    expect(gotStatus).toEqual(wantStatus);
    expect(boltValue(gotDb, 'meta', 'consistent_index')).toEqual(boltValue(wantDb, 'meta', 'consistent_index'));
  });

  it('a real etcd starts on the restored data dir and serves the snapshot\'s keys', async () => {
    const etcd = await startReal({ v2: false, dataDir: join(dir, 'ours-defaults') });
    try {
      const r = await run(REAL_ETCDCTL, ['--endpoints', etcd.url, 'get', '', '--prefix', '--keys-only'], { ETCDCTL_API: '3' });
      expect(r.stdout.split('\n').filter((l) => l !== '')).toEqual(['a', 'a/b', 'b', 'c']);
    } finally {
      await etcd.stop();
    }
  }, 30_000);
});
