// `etcdctl member add/update/promote`, ours against the real etcdctl 3.4.23, each against a real
// etcd 3.4 (a child) and ours (in this process), fresh and on run-time ports: clientv3's peer URL
// checks (types.NewURLs), and the server's membership rules in one sequence that changes the
// cluster (so every server runs it once, through the real etcdctl, and the transcripts must agree).
import { describe, expect, it } from 'vitest';
import { haveRealEtcd, type Endpoint } from '../support/etcd-pair.js';
import { exec, mask, useServerPair, type Run } from './check-harness.js';

describe.skipIf(!haveRealEtcd)('etcdctl member against the real etcdctl', () => {
  const pair = useServerPair();
  const ports = (): number[] => pair.servers().flatMap((s) => [s.port]);
  const run = async (cmd: string[], s: Endpoint, args: string[]): Promise<Run> => {
    const r = await exec(cmd, ['--endpoints', `127.0.0.1:${s.port}`, ...args], pair.clients().dir);
    return { stdout: mask(r.stdout, ports()), stderr: mask(r.stderr, ports()), code: r.code };
  };


  it.each<[string, string]>([
    ['foo', 'URL scheme must be http, https, unix, or unixs: foo'],
    ['ftp://1.2.3.4:5', 'URL scheme must be http, https, unix, or unixs: ftp://1.2.3.4:5'],
    ['http://1.2.3.4', 'URL address does not have the form "host:port": http://1.2.3.4'],
    ['http:a:1', 'URL address does not have the form "host:port": http:a:1'],
    ['http://1.2.3.4:5/', 'URL must not contain a path: http://1.2.3.4:5/'],
    ['http://1.2.3.4:5,,http://a:1', 'URL scheme must be http, https, unix, or unixs: '],
    ['http://[::1:5', 'parse "http://[::1:5": missing \']\' in host'],
    ['http://a:b', 'parse "http://a:b": invalid port ":b" after host'],
    ['http://a_b^:1', 'parse "http://a_b^:1": invalid character "^" in host name'],
    ['http://a:1#%zz', 'parse "http://a:1#%zz": invalid URL escape "%zz"'],
    [':1', 'parse ":1": missing protocol scheme'],
  ])('member add --peer-urls=%s is refused by the client, exit 1', async (urls, message) => {
    for (const args of [['member', 'add', 'n', `--peer-urls=${urls}`], ['member', 'update', '1', `--peer-urls=${urls}`]]) {
      const all = await Promise.all(pair.servers().flatMap((s) => [run(pair.clients().real, s, args), run(pair.clients().ours, s, args)]));
      expect(all[0]).toEqual({ stdout: '', stderr: `Error: ${message}\n`, code: 1 });
      for (const r of all.slice(1)) expect(r).toEqual(all[0]);
    }
  });

  /** One server's transcript of a membership sequence; IDs and ports masked. */
  async function sequence(s: Endpoint): Promise<string> {
    const peer = (await run(pair.clients().real, s, ['member', 'list'])).stdout.split(', ')[3]!;
    const self = (await run(pair.clients().real, s, ['member', 'list'])).stdout.split(',')[0]!;
    let out = '';
    const step = async (...args: string[]): Promise<void> => {
      const r = await run(pair.clients().real, s, args);
      out += `$ ${args.join(' ')}\n${r.stdout}${r.stderr}exit ${r.code}\n`;
    };
    await step('member', 'add', 'dup', `--peer-urls=${peer}`);
    await step('member', 'add', 'l1', '--learner', '--peer-urls=http://10.0.0.1:1');
    await step('member', 'add', 'l2', '--learner', '--peer-urls=http://10.0.0.2:1');
    const learner = (await run(pair.clients().real, s, ['member', 'list'])).stdout.split('\n').find((l) => l.includes('unstarted'))!.split(',')[0]!;
    await step('member', 'update', '1234', '--peer-urls=http://10.0.0.9:1');
    await step('member', 'update', learner, `--peer-urls=${peer}`);
    await step('member', 'update', self, '--peer-urls=http://10.0.0.1:1');
    await step('member', 'promote', self);
    await step('member', 'update', learner, '--peer-urls=HTTP://10.0.0.3:2,http://10.0.0.1:1');
    await step('member', 'list', '-w', 'table');
    await step('member', 'promote', learner);
    await step('put', 'still', 'writable');
    await step('member', 'add', 'l3', '--learner', '--peer-urls=http://10.0.0.5:1');
    await step('member', 'add', 'v', '--peer-urls=http://10.0.0.6:1');
    return out.replaceAll(learner, '<LEARNER>').replaceAll(self, '<SELF>').replaceAll(peer, '<PEER>')
      .replace(/Member +[0-9a-f]+ added to cluster [0-9a-f]+/g, 'Member <ID> added to cluster <CLUSTER>').replace(/(updated in|removed from) cluster [0-9a-f]+/g, '$1 cluster <CLUSTER>')
      .replace(/ETCD_INITIAL_CLUSTER=".*"/g, 'ETCD_INITIAL_CLUSTER="<...>"').replace(/"ts":"[^"]+"/g, '"ts":"<TS>"').replace(/^\| +(<\w+>) +\|/gm, '| $1 |')
      .replace(/ +\|/g, ' |').replace(/-+\+/g, '-+');
  }

  it('applies etcd 3.4 membership rules: duplicate URLs, one learner, update keeps raft learner, strict reconfig', async () => {
    const [real, ours] = await Promise.all(pair.servers().map(sequence));
    expect(real).toContain('etcdserver: Peer URLs already exists');
    expect(real).toContain('etcdserver: too many learner members in cluster');
    expect(real).toContain('etcdserver: unhealthy cluster');
    expect(real).toContain('etcdserver: re-configuration failed due to not enough started members');
    expect(ours).toEqual(real);
  });
});
