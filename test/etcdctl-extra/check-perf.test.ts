// `etcdctl check perf` takes its 60 seconds by design (the real etcdctl has no shorter mode), so
// there is one whole run here: ours against our etcd (in this process), side by side with the
// real etcdctl against a real etcd 3.4 (a child; its load is light). Both bars must draw the same
// frames (one a second step, refreshed every 200 ms, ending `60 / 60  100.00% 1m0s`), the
// --auto-compact/--auto-defrag lines and verdict lines must have the same shape, the exit code
// must follow the verdict, and ours must reach the 150 writes/s of the small model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealEtcd, startOurs, startReal, type Endpoint } from '../support/etcd-pair.js';
import { clients, exec, frameRe, mask, splitBar, verdictShape, type Clients, type Run } from './check-harness.js';

const FLAGS = ['check', 'perf', '--auto-compact', '--auto-defrag'];

describe.skipIf(!haveRealEtcd)('etcdctl check perf, a whole run', () => {
  let c: Clients;
  let ours: Endpoint;
  let real: Endpoint;
  beforeAll(async () => {
    c = await clients();
    [ours, real] = await Promise.all([startOurs({ v2: false }), startReal({ v2: false })]);
  });
  afterAll(async () => {
    await Promise.all([ours?.stop(), real?.stop()]);
    c?.cleanup();
  });

  function shape(r: Run): { first?: string; finished: boolean; tail: string[]; stderr: string; code: number | null } {
    const m = mask(r.stdout, [ours.port, real.port]);
    const bar = splitBar(m);
    expect(bar.head).toBe('');
    expect(bar.frames.filter((f) => !frameRe(60).test(f) && f !== ' 60 / 60  100.00% 1m0s')).toEqual([]);
    // ~5 frames a second for 60 s
    expect(bar.frames.length).toBeGreaterThan(270);
    expect(bar.frames.length).toBeLessThan(320);
    if (bar.finished) expect(bar.frames.at(-1)).toBe(' 60 / 60  100.00% 1m0s');
    return { first: bar.frames[0], finished: bar.finished, tail: bar.tail.map(verdictShape), stderr: r.stderr, code: r.code };
  }

  it('ours against our etcd runs as the real one against a real etcd', async () => {
    const [o, r] = await Promise.all([
      exec(c.ours, ['--endpoints', `127.0.0.1:${ours.port}`, ...FLAGS], c.dir),
      exec(c.real, ['--endpoints', `127.0.0.1:${real.port}`, ...FLAGS], c.dir),
    ]);
    const [so, sr] = [shape(o), shape(r)];
    expect(sr).toMatchObject({
      first: ' 0 / 60    0.00%', stderr: '',
      tail: ['Compacting with revision <REV>', 'Compacted with revision <REV>', 'Defragmenting "127.0.0.1:<PORT>"', 'Defragmented "127.0.0.1:<PORT>"',
        'THROUGHPUT <N> writes/s', 'SLOWEST <F>s', 'STDDEV <F>s', 'VERDICT'],
    });
    // Who ends first, the bar's last step or the command, is a race in etcdctl too.
    expect({ ...so, finished: true }).toEqual({ ...sr, code: so.code, finished: true });
    const lines = o.stdout.split('\n');
    expect(so.code).toBe(lines.includes('PASS') ? 0 : 1);
    // The rate depends on how busy the machine is (a loaded one fails the real check too): the
    // line must be etcdctl's and agree with its rule (PASS above 90% of the 150 writes/s limit).
    const rate = /^(PASS: Throughput is|FAIL: Throughput too low:) (\d+) writes\/s$/.exec(lines.find((l) => l.includes('writes/s')) ?? '');
    expect(rate).not.toBeNull();
    const n = Number(rate![2]);
    expect(n).toBeLessThanOrEqual(160);
    if ((rate![1] ?? '').startsWith('PASS')) expect(n).toBeGreaterThanOrEqual(136);
    else expect(n).toBeLessThanOrEqual(136);
    const keys = await exec(c.real, ['--endpoints', `127.0.0.1:${ours.port}`, 'get', '/etcdctl-check-perf/', '--prefix', '--keys-only'], c.dir);
    expect(keys).toEqual({ stdout: '', stderr: '', code: 0 });
  }, 90_000);
});
