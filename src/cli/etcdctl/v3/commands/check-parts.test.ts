// The pure parts of the checks: the token bucket, the statistics, the keys, the channel, Go's
// number formats and the /metrics parsing.
import { describe, expect, it } from 'vitest';
import { RpcError } from '../client/client.js';
import { KeyMaker, putVarint } from './check-keys.js';
import { goFixed } from './check-load.js';
import { Limiter } from './check-limiter.js';
import { goNetError, goParseFloat } from './check-metrics.js';
import { Report } from './check-report.js';
import { Channel, errorText } from './check-workers.js';

describe('Limiter (rate.NewLimiter(r, 1).Wait)', () => {
  function fake(): { now: number; slept: number[]; deps: { now(): number; sleep(ms: number): Promise<void> } } {
    const f = { now: 0, slept: [] as number[], deps: { now: () => f.now, sleep: async (ms: number) => { f.slept.push(ms); f.now += ms; } } };
    return f;
  }

  it('starts full, then spaces tokens 1/rate apart', async () => {
    const f = fake();
    const l = new Limiter(100, 1, f.deps);
    for (let i = 0; i < 3; i++) expect(await l.wait(1000)).toBe(true);
    expect(f.slept).toEqual([10, 10]);
  });

  it('makes up for a late wake-up with the next wait', async () => {
    const f = fake();
    const l = new Limiter(100, 1, f.deps);
    await l.wait(1000);
    await l.wait(1000);
    f.now += 4; // woke 4 ms late
    await l.wait(1000);
    expect(f.slept.map(Math.round)).toEqual([10, 6]);
  });

  it('refuses (taking nothing) a token due after the deadline', async () => {
    const f = fake();
    const l = new Limiter(100, 1, f.deps);
    expect(await l.wait(15)).toBe(true);
    expect(await l.wait(15)).toBe(true);
    expect(await l.wait(15)).toBe(false);
    f.now = 20;
    expect(await l.wait(15)).toBe(false);
  });

  it('keeps at most one token after idling', async () => {
    const f = fake();
    const l = new Limiter(100, 1, f.deps);
    await l.wait(1e6);
    f.now = 500;
    await l.wait(1e6);
    await l.wait(1e6);
    expect(f.slept).toEqual([10]);
  });
});

describe('Report', () => {
  it('counts successes per second over the collection time; errors apart', () => {
    let t = 0;
    const r = new Report(() => t);
    r.begin();
    r.add(0, 0.1e9);
    r.add(0, 0.3e9);
    r.add(0, 0.2e9, 'etcdserver: too many requests');
    r.add(0, 0.2e9, 'etcdserver: too many requests');
    t = 2e9;
    const s = r.stats();
    expect(s.rps).toBe(1);
    expect(s.slowest).toBeCloseTo(0.3);
    expect(s.average).toBeCloseTo(0.2);
    expect(s.stddev).toBeCloseTo(0.1);
    expect([...s.errorDist]).toEqual([['etcdserver: too many requests', 2]]);
  });

  it('has no slowest and a NaN deviation without a success', () => {
    let t = 0;
    const r = new Report(() => t);
    r.begin();
    t = 60e9;
    const s = r.stats();
    expect([s.rps, s.slowest, goFixed(s.stddev, 6)]).toEqual([0, 0, 'NaN']);
  });
});

describe('keys', () => {
  it.each<[bigint, number[]]>([
    [0n, [0]], [1n, [2]], [-1n, [1]], [63n, [126]], [64n, [128, 1]],
    [(1n << 62n), [128, 128, 128, 128, 128, 128, 128, 128, 128, 1]],
    [5577006791947779410n, [164, 245, 231, 255, 160, 136, 193, 229, 154, 1]],
  ])('PutVarint(%s)', (x, bytes) => {
    const buf = Buffer.alloc(10);
    const n = putVarint(buf, x);
    expect([...buf.subarray(0, n)]).toEqual(bytes);
  });

  it('reuses one buffer: a shorter varint leaves the longer one\'s tail', () => {
    const values = [(1n << 62n), 1n];
    const keys = new KeyMaker('/p/', 12, () => values.shift()!);
    expect(keys.next().toString('hex')).toBe(`2f702f${'80'.repeat(9)}010000`);
    expect(keys.next().toString('hex')).toBe(`2f702f02${'80'.repeat(8)}010000`);
  });

  it('random keys are prefix + size bytes', () => {
    const k = new KeyMaker('/etcdctl-check-perf/', 256).next();
    expect(k.length).toBe(20 + 256);
    expect(k.subarray(0, 20).toString()).toBe('/etcdctl-check-perf/');
  });
});

describe('Channel', () => {
  it('holds cap items, hands over to waiting receivers, drains after close', async () => {
    const ch = new Channel<number>(2);
    const got: (number | undefined)[] = [];
    const waiting = ch.receive().then((v) => got.push(v));
    await ch.send(1);
    await waiting;
    await ch.send(2);
    await ch.send(3);
    let sent = false;
    const blocked = ch.send(4).then(() => (sent = true));
    await Promise.resolve();
    expect(sent).toBe(false);
    got.push(await ch.receive());
    await blocked;
    ch.close();
    for (let v = await ch.receive(); v !== undefined; v = await ch.receive()) got.push(v);
    expect(got).toEqual([1, 2, 3, 4]);
  });
});

describe('Go formats', () => {
  it.each<[number, number, string]>([
    [0.109151, 6, '0.109151'], [0.125, 2, '0.12'], [0.375, 2, '0.38'], [32.15, 2, '32.15'],
    [-0.001, 2, '-0.00'], [2.5, 0, '2'], [NaN, 6, 'NaN'], [98.33333, 2, '98.33'],
  ])('goFixed(%d, %i) = %s', (v, prec, text) => {
    expect(goFixed(v, prec)).toBe(text);
  });

  it.each<[string, number | undefined]>([
    ['1.44658432e+08', 144658432], ['20000', 20000], ['+Inf', Infinity], ['NaN', NaN], ['.5', 0.5],
    ['_foo 5', undefined], ['1e', undefined], ['', undefined],
  ])('ParseFloat(%j)', (text, v) => {
    expect(goParseFloat(text)).toBe(v);
  });

  it('errors as clientv3 and net/http word them', () => {
    expect(errorText(new RpcError(8, 'etcdserver: too many requests', 'etcdserver: too many requests'))).toBe('etcdserver: too many requests');
    expect(errorText(new RpcError(14, 'x', 'transport is closing'))).toBe('rpc error: code = Unavailable desc = transport is closing');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(goNetError(refused, '127.0.0.1:1')).toBe('dial tcp 127.0.0.1:1: connect: connection refused');
  });
});
