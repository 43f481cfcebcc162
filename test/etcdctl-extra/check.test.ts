// `etcdctl check perf` / `check datascale` (API 3), ours against the real etcdctl 3.4.23, each
// against our etcd (in this process) and a real etcd 3.4 (a child), on run-time ports: the error
// paths byte for byte (log timestamps, client ids and ports masked), the /metrics exposition
// datascale reads, and whole datascale runs with the bar's frames and the verdict's numbers
// checked by shape. The 60-second perf run is in check-perf.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealEtcd, startOurs, startReal, type Endpoint } from '../support/etcd-pair.js';
import { deadPort } from '../support/ports.js';
import { clients, exec, frameRe, mask, splitBar, verdictShape, type Clients, type ExecOptions, type Run } from './check-harness.js';

describe.skipIf(!haveRealEtcd)('etcdctl check against the real etcdctl', () => {
  let c: Clients;
  let servers: Record<'ours' | 'real', Endpoint>;
  let dead = 0;
  const ports = (): number[] => [servers.ours.port, servers.real.port, dead];
  const ep = (s: Endpoint): string => `127.0.0.1:${s.port}`;
  const run = (who: 'ours' | 'real', s: Endpoint | string, args: string[], o: ExecOptions = {}): Promise<Run> =>
    exec(c[who], ['--endpoints', typeof s === 'string' ? s : ep(s), ...args], c.dir, o);
  const masked = (r: Run): Run => ({ stdout: mask(r.stdout, ports()), stderr: mask(r.stderr, ports()), code: r.code });

  beforeAll(async () => {
    [c, dead] = await Promise.all([clients(), deadPort()]);
    const [ours, real] = await Promise.all([startOurs({ v2: false }), startReal({ v2: false })]);
    servers = { ours, real };
  });
  afterAll(async () => {
    await Promise.all([servers?.ours.stop(), servers?.real.stop()]);
    c?.cleanup();
  });

  /** Both clients against both servers: ours must equal the real one on each, and the servers agree. */
  async function same(args: string[], expected: Partial<Run>): Promise<void> {
    const [oo, ro, or, rr] = (await Promise.all([
      run('ours', servers.ours, args), run('real', servers.ours, args), run('ours', servers.real, args), run('real', servers.real, args),
    ])).map(masked);
    expect(rr).toMatchObject(expected);
    expect(or).toEqual(rr);
    expect(ro).toEqual(rr);
    expect(oo).toEqual(rr);
  }

  const prefixError = (p: string) => `Error: prefix ${JSON.stringify(p)} has keys. Delete with etcdctl del --prefix ${p} first\n`;

  it.each<[string, string[], Partial<Run>]>([
    ['an unknown load model', ['check', 'perf', '--load', 'x'], { stderr: 'Error: unknown load option x\n', code: 4 }],
    ['aliases are case-sensitive', ['check', 'datascale', '--load', 'XL'], { stderr: 'Error: unknown load option XL\n', code: 4 }],
    ['-w is checked after --load', ['check', 'perf', '--load', 'medium', '-w', 'yaml'], { stderr: 'Error: unsupported output format\n', code: 4 }],
    ['TLS files are checked before dialing', ['check', 'perf', '--load', 'xLarge', '--cert', 'nosuch'], { stderr: 'Error: KeyFile and CertFile must both be present[key: , cert: nosuch]\n', code: 128 }],
    ['a missing CA file', ['check', 'datascale', '--cacert', 'nosuch.crt'], { stderr: 'Error: open nosuch.crt: no such file or directory\n', code: 128 }],
  ])('%s', async (_name, args, expected) => {
    await same(args, expected);
  });

  describe('with keys under the prefix', () => {
    beforeAll(async () => {
      for (const s of Object.values(servers)) {
        expect((await run('real', s, ['put', '/etcdctl-check-perf/a', '1'])).code).toBe(0);
        expect((await run('real', s, ['put', '/etcdctl-check-datascale/\tb', '1'])).code).toBe(0);
      }
    });
    afterAll(async () => {
      for (const s of Object.values(servers)) await run('real', s, ['del', '--prefix', '/etcdctl-check-']);
    });

    it.each<[string, string[], string]>([
      ['check perf refuses to run', ['check', 'perf'], prefixError('/etcdctl-check-perf/')],
      ['check datascale refuses to run', ['check', 'datascale', '--load', 'm'], prefixError('/etcdctl-check-datascale/')],
      ['any prefix of the keys counts', ['check', 'perf', '--prefix', '/etcdctl-check-perf'], prefixError('/etcdctl-check-perf')],
      ['the prefix is quoted as Go does', ['check', 'datascale', '--prefix', '/etcdctl-check-datascale/\t'], 'Error: prefix "/etcdctl-check-datascale/\\t" has keys. Delete with etcdctl del --prefix /etcdctl-check-datascale/\t first\n'],
    ])('%s', async (_name, args, stderr) => {
      await same(args, { stdout: '', stderr, code: 3 });
    });

    it('every load client authenticates on its own connection (--user, auth off)', async () => {
      const r = masked(await run('ours', servers.ours, ['--user', 'nobody:x', 'check', 'perf']));
      const warn = '{"level":"warn","ts":"<TS>","caller":"clientv3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"endpoint://client-<UUID>/127.0.0.1:<PORT>","attempt":0,"error":"rpc error: code = FailedPrecondition desc = etcdserver: authentication is not enabled"}\n';
      expect(r).toEqual({ stdout: '', stderr: warn.repeat(50) + prefixError('/etcdctl-check-perf/'), code: 3 });
      await same(['--user', 'nobody:x', 'check', 'perf'], { code: 3 });
    });
  });

  it('datascale reads the first endpoint\'s /metrics: a dead one fails before any write', async () => {
    for (const s of Object.values(servers)) {
      const eps = `127.0.0.1:${dead},${ep(s)}`;
      const [ours, real] = (await Promise.all([run('ours', eps, ['check', 'datascale']), run('real', eps, ['check', 'datascale'])])).map(masked);
      expect(real).toEqual({ stdout: 'fetch error: Get "http://127.0.0.1:<PORT>/metrics": dial tcp 127.0.0.1:<PORT>: connect: connection refused\nFAIL: Could not read process_resident_memory_bytes before the put operations.\n', stderr: '', code: 1 });
      expect(ours).toEqual(real);
    }
  });

  it('datascale has no deadline: against nothing it waits, silently', async () => {
    const [ours, real] = await Promise.all([run('ours', `127.0.0.1:${dead}`, ['check', 'datascale'], { killAfterMs: 1500 }), run('real', `127.0.0.1:${dead}`, ['check', 'datascale'], { killAfterMs: 1500 })]);
    expect(ours).toEqual({ stdout: '', stderr: '', code: null });
    expect(real).toEqual(ours);
  });

  it('our /metrics has the families datascale and the real one share, written alike', async () => {
    const scrape = async (s: Endpoint) => {
      const r = await fetch(`${s.url}/metrics`);
      return { type: r.headers.get('content-type'), body: await r.text() };
    };
    const [ours, real] = await Promise.all([scrape(servers.ours), scrape(servers.real)]);
    expect(ours.type).toBe(real.type);
    const meta = (body: string) => body.split('\n').filter((l) => l.startsWith('# '));
    const realMeta = new Set(meta(real.body));
    expect(meta(ours.body).filter((l) => !realMeta.has(l))).toEqual([]);
    expect(ours.body).toMatch(/^process_resident_memory_bytes \d(\.\d+)?e\+\d\d$/m);
    expect(ours.body).toContain('etcd_server_id{server_id="8e9e05c52164694d"} 1\n');
  });

  it('datascale gets past our /metrics with either client (stopped once it starts writing)', async () => {
    const start = 'Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, 50 concurrent clients].\n';
    for (const who of ['ours', 'real'] as const) {
      const r = await run(who, servers.ours, ['check', 'datascale', '--prefix', `/${who}/`], { killWhen: `${start}\r 0 / 10000    0.00%` });
      expect(r).toMatchObject({ stderr: '', code: null });
      expect(r.stdout.startsWith(`${start}\r 0 / 10000    0.00%`), r.stdout).toBe(true);
      await run('real', servers.ours, ['del', '--prefix', `/${who}/`]);
    }
  });

  it('whole datascale runs against a real etcd: bar, compaction, defragmentation, memory line', async () => {
    const flags = (p: string) => ['check', 'datascale', '--prefix', p, '--auto-compact', '--auto-defrag'];
    // One at a time: a compaction at an older revision than another's fails.
    const runs = [await run('real', servers.real, flags('/r/')), await run('ours', servers.real, flags('/o/'))];
    const shapes = runs.map(masked).map((r) => {
      const bar = splitBar(r.stdout);
      expect(bar.frames.slice(0, -1).every((f) => frameRe(10000).test(f)), bar.frames.join('|')).toBe(true);
      expect(bar.frames.at(-1)).toMatch(/^ 10000 \/ 10000  100\.00% \d+s$/);
      return { head: bar.head, first: bar.frames[0], finished: bar.finished, tail: bar.tail.map(verdictShape), stderr: r.stderr, code: r.code };
    });
    expect(shapes[0]).toEqual({
      head: 'Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, 50 concurrent clients].\n',
      first: ' 0 / 10000    0.00%', finished: true, stderr: '', code: 0,
      tail: ['Compacting with revision <REV>', 'Compacted with revision <REV>', 'Defragmenting "127.0.0.1:<PORT>"', 'Defragmented "127.0.0.1:<PORT>"', 'PASS: Approximate system memory used : <F> MB.'],
    });
    expect(shapes[1]).toEqual(shapes[0]);
    const keys = await run('real', servers.real, ['get', '/', '--prefix', '--keys-only']);
    expect(keys.stdout).toBe('');
  });
});
