// The member-flag checks of snapshot restore, each case against the real etcdctl 3.4: it checks
// the flags before it opens the snapshot, so a missing file tells "flags accepted" apart.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExitError } from '../../../shared/exit.js';
import { parseUrlsMap, verifyBootstrap } from './bootstrap.js';

const REAL_ETCDCTL = '/usr/bin/etcdctl';
const DEFAULTS = { name: 'default', peers: 'http://localhost:2380', cluster: 'default=http://localhost:2380' };

const CASES: { name: string; flags: Partial<typeof DEFAULTS> }[] = [
  { name: 'defaults', flags: {} },
  { name: 'name not in the cluster', flags: { name: 'x' } },
  { name: 'duplicate URL', flags: { cluster: 'default=http://localhost:2380,x=http://localhost:2380' } },
  { name: 'URL without scheme', flags: { cluster: 'default=localhost:2380' } },
  { name: 'advertised URL without scheme', flags: { peers: 'localhost:2380' } },
  { name: 'URL with a path', flags: { peers: 'http://localhost:2380/x' } },
  { name: 'pair without =', flags: { cluster: 'default' } },
  { name: 'other IP advertised', flags: { peers: 'http://10.0.0.9:2380' } },
  { name: '127.0.0.1 is not localhost', flags: { peers: 'http://127.0.0.1:2380' } },
  { name: 'more URLs advertised', flags: { peers: 'http://localhost:2380,http://10.0.0.1:2380' } },
  { name: 'one URL advertised in place of another', flags: { cluster: 'default=http://10.0.0.1:2380,default=http://10.0.0.2:2380', peers: 'http://10.0.0.1:2380,http://10.0.0.3:2380' } },
  { name: 'same URLs in another order', flags: { cluster: 'default=http://10.0.0.1:2380,default=http://10.0.0.2:2380', peers: 'http://10.0.0.2:2380,http://10.0.0.1:2380' } },
  { name: 'IPv6 ports differ', flags: { cluster: 'default=http://[::1]:2380', peers: 'http://[::1]:2381' } },
];

function real(f: typeof DEFAULTS): Promise<string> {
  const args = ['snapshot', 'restore', 'no-such-snapshot.db', '--name', f.name, '--initial-advertise-peer-urls', f.peers, '--initial-cluster', f.cluster, '--data-dir', 'no-such-dir'];
  return new Promise((done) => execFile(REAL_ETCDCTL, args, { env: { ETCDCTL_API: '3' } }, (_err, _out, stderr) => done(stderr)));
}

describe.skipIf(!existsSync(REAL_ETCDCTL))('snapshot restore member flags, against the real etcdctl 3.4', () => {
  it.each(CASES)('$name', async ({ flags }) => {
    const f = { ...DEFAULTS, ...flags };
    const stderr = await real(f);
    let ours = 'accepted';
    try {
      verifyBootstrap(f.name, f.peers, f.cluster);
    } catch (err) {
      ours = `Error: ${(err as ExitError).message}\n`;
    }
    expect(ours).toBe(stderr.includes('no-such-snapshot.db: no such file') ? 'accepted' : stderr);
  });
});

describe('parseUrlsMap', () => {
  it('keeps names in order, URLs per name, skips empty pairs', () => {
    expect([...parseUrlsMap('b=u1,,a=u2,b=u3,c')]).toEqual([['b', ['u1', 'u3']], ['a', ['u2']], ['c', ['']]]);
  });
});
