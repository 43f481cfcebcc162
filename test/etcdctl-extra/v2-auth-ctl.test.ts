// Our etcdctl in API 2 mode against the real one on the v2 auth API where client/v2's status
// checks decide the output: `user passwd` of a user that does not exist creates it (201), which
// modUser, expecting 200, reports as an error with an empty message. Real etcd 3.4, run-time ports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealEtcd, REAL_ETCDCTL, run, startReal, type Endpoint } from '../support/etcd-pair.js';
import { clients, type Clients } from './check-harness.js';

describe.skipIf(!haveRealEtcd)('etcdctl v2 auth commands against the real etcdctl', () => {
  let c: Clients;
  let server: Endpoint;
  beforeAll(async () => {
    [c, server] = await Promise.all([clients(), startReal()]);
  });
  afterAll(async () => {
    await server?.stop();
    c?.cleanup();
  });

  const ctl = (cmd: string[], args: string[], input: string) =>
    run(cmd[0]!, [...cmd.slice(1), '--endpoints', server.url, ...args], { ETCDCTL_API: '2' }, input);

  it.each<[string, string[], string]>([
    ['passwd of a new user: created, yet an empty error and exit 1', ['user', 'passwd', '{u}'], 'pw\n'],
    ['grant to a missing user', ['user', 'grant', '{u}', '--roles', 'root'], ''],
    ['grant on a missing role', ['role', 'grant', '{u}', '--path', '/a', '--read'], ''],
  ])('%s', async (_name, args, input) => {
    const [real, ours] = await Promise.all(['real', 'ours'].map(async (who) => {
      const r = await ctl(who === 'real' ? [REAL_ETCDCTL] : c.ours, args.map((a) => a.replace('{u}', `u-${who}`)), input);
      const after = await ctl([REAL_ETCDCTL], ['user', 'get', `u-${who}`], '');
      const m = (t: string) => t.replaceAll(`u-${who}`, '{u}').replace(/stty: .*\n/g, '');
      return { stdout: m(r.stdout), stderr: m(r.stderr), code: r.code, after: m(after.stdout + after.stderr) };
    }));
    expect(ours).toEqual(real);
  });

  it('the passwd case really is the 201 one', async () => {
    const r = await ctl([REAL_ETCDCTL], ['user', 'passwd', 'u-check'], 'pw\n');
    expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: 'New password: \n', code: 1 });
    expect(r.stderr.replace(/stty: .*\n/g, '')).toBe('\n');
  });
});
