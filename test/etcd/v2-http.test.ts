// The v2 HTTP API of our etcd against the real etcd 3.4.23, differentially (test/support/v2-diff):
// keys (reads, writes, form checks, TTLs, watches, restart), members, machines, stats, health,
// the 404 of a member without --enable-v2, and the real etcdctl in v2 mode.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { etcdctl2During, haveRealEtcd, startOurs, startReal, type Endpoint } from '../support/etcd-pair.js';
import { V2Diff, maskRun, send, type Answer, type Step } from '../support/v2-diff.js';

const diff = new V2Diff();
afterEach(() => diff.stop());
const { running } = diff;
const pair = (v2 = true): Promise<[Endpoint, Endpoint]> => diff.pair(v2);
const same = diff.same.bind(diff);
const sameCtl = diff.sameCtl.bind(diff);

describe.skipIf(!haveRealEtcd)('v2 HTTP API: ours against the real etcd 3.4.23', () => {
  it('reads and writes keys: set, create, update, compare-and-swap/delete, in-order, dirs, HEAD, quorum', async () => {
    await same([
      { path: '/v2/keys' },
      { path: '/v2/keys/' },
      { method: 'PUT', path: '/v2/keys/foo', form: { value: 'bar' } },
      { path: '/v2/keys/foo' },
      { method: 'HEAD', path: '/v2/keys/foo' },
      { method: 'PUT', path: '/v2/keys/foo', form: { value: 'x', prevExist: 'false' } },
      { method: 'PUT', path: '/v2/keys/foo', form: { value: 'baz', prevValue: 'bar' } },
      { method: 'PUT', path: '/v2/keys/foo', form: { value: 'q', prevIndex: '1' } },
      { method: 'PUT', path: '/v2/keys/foo?value=fromquery&prevExist=true' },
      { method: 'PUT', path: '/v2/keys/foo?value=query', form: { value: 'body' } },
      { method: 'DELETE', path: '/v2/keys/foo?prevValue=nope' },
      { method: 'DELETE', path: '/v2/keys/foo?prevIndex=8' },
      { method: 'POST', path: '/v2/keys/queue', form: { value: 'a' } },
      { method: 'POST', path: '/v2/keys/queue', form: { value: 'b' } },
      { path: '/v2/keys/queue?recursive=true&sorted=true' },
      { method: 'PUT', path: '/v2/keys/dir', form: { dir: 'true' } },
      { method: 'PUT', path: '/v2/keys/dir/a/b', form: { value: '1' } },
      { method: 'PUT', path: '/v2/keys/dir/_hidden', form: { value: 'h' } },
      { path: '/v2/keys/dir?recursive=true' },
      { method: 'DELETE', path: '/v2/keys/dir' },
      { method: 'DELETE', path: '/v2/keys/dir?dir=true' },
      { method: 'DELETE', path: '/v2/keys/dir?recursive=true' },
      { path: '/v2/keys/?quorum=true&recursive=true&sorted=true' },
      { method: 'PUT', path: '/v2/keys/a%20b%2Fc', form: { value: 'esc<&>' } },
      { path: '/v2/keys/a%20b/c' },
      { path: '/v2/keys/nothere' },
      { method: 'HEAD', path: '/v2/keys/nothere' },
      { method: 'POST', path: '/v2/keys', form: { value: 'at-root' } },
      { path: '/v2/keys/queue?sorted=true' },
      { path: '/v2/keys/a%20b/c/d' },
      { method: 'PUT', path: '/v2/keys/', form: { value: 'root' } },
      { method: 'PUT', path: '/v2/keys/n', form: { value: 'v', noValueOnSuccess: 'true' } },
      { method: 'PATCH', path: '/v2/keys/foo' },
      { path: '/v2/keysx' },
      { path: '/v2/keys//foo?x=1' },
      { method: 'PUT', path: '/v2/keys/a/../b' },
    ]);
  });

  it('checks the form as etcd does, field by field', async () => {
    await same([
      { method: 'PUT', path: '/v2/keys/k', form: { value: 'v', ttl: 'abc' } },
      { method: 'PUT', path: '/v2/keys/k', form: { prevIndex: '-1' } },
      { path: '/v2/keys/k?waitIndex=x' },
      { path: '/v2/keys/k?recursive=yes' },
      { path: '/v2/keys/k?sorted=2&recursive=T' },
      { method: 'PUT', path: '/v2/keys/k?wait=true' },
      { method: 'PUT', path: '/v2/keys/k', form: { prevValue: '' } },
      { method: 'PUT', path: '/v2/keys/k', form: { noValueOnSuccess: 'maybe' } },
      { method: 'PUT', path: '/v2/keys/k', form: { prevExist: 'x' } },
      { method: 'PUT', path: '/v2/keys/k', form: { refresh: 'true', value: 'v', ttl: '5' } },
      { method: 'PUT', path: '/v2/keys/k', form: { refresh: 'true' } },
      { method: 'PUT', path: '/v2/keys/k', form: { refresh: 'nah' } },
      { method: 'PUT', path: '/v2/keys/k', form: 'value=%zz' },
      { method: 'PUT', path: '/v2/keys/k?a=1;b=2', form: { value: 'v' } },
      { method: 'PUT', path: '/v2/keys/k', form: { value: 'v', ttl: '' } },
      { path: '/v2/keys/k' },
    ]);
  });

  it('keeps TTLs and refreshes them', async () => {
    await same(
      [
        { method: 'PUT', path: '/v2/keys/t', form: { value: 'v', ttl: '100' } },
        { path: '/v2/keys/t' },
        { method: 'PUT', path: '/v2/keys/t', form: { refresh: 'true', ttl: '200', prevExist: 'true' } },
        { method: 'PUT', path: '/v2/keys/d', form: { dir: 'true', ttl: '50' } },
        { path: '/v2/keys/?recursive=true&sorted=true' },
      ],
      { raft: false },
    );
  });

  it('watches: from the history, long poll, and the 401 of a cleared index', async () => {
    const [real, ours] = await pair();
    await same([{ method: 'PUT', path: '/v2/keys/w', form: { value: '1' } }], {}, [real, ours]);
    await same([{ path: '/v2/keys/w?wait=true&waitIndex=4' }, { path: '/v2/keys/?wait=true&recursive=true&waitIndex=1' }], {}, [real, ours]);
    const poll = async (ep: Endpoint): Promise<Answer> => {
      const watching = send(ep, { path: '/v2/keys/w?wait=true' });
      await new Promise((done) => setTimeout(done, 200));
      await send(ep, { method: 'PUT', path: '/v2/keys/w', form: { value: '2' } });
      return watching;
    };
    expect(await poll(ours)).toEqual(await poll(real));
  });

  it('streams a watch until the client goes away', async () => {
    const [real, ours] = await pair();
    const stream = async (ep: Endpoint): Promise<string> => {
      const abort = new AbortController();
      const r = await fetch(`${ep.url}/v2/keys/s?wait=true&stream=true&recursive=true`, { signal: abort.signal });
      const reader = r.body!.getReader();
      let text = '';
      const reading = (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (chunk.done) return;
          text += Buffer.from(chunk.value!).toString();
        }
      })();
      for (const v of ['1', '2']) await send(ep, { method: 'PUT', path: '/v2/keys/s/x', form: { value: v } });
      await send(ep, { method: 'PUT', path: '/v2/keys/s/_hidden', form: { value: 'h' } });
      await send(ep, { method: 'DELETE', path: '/v2/keys/s/x' });
      await new Promise((done) => setTimeout(done, 300));
      abort.abort();
      await reading;
      return `${r.status} ${r.headers.get('x-etcd-index')}\n${text}`;
    };
    expect(await stream(ours)).toEqual(await stream(real));
    // The member still answers once the watcher is gone.
    await same([{ path: '/v2/keys/s?recursive=true' }], {}, [real, ours]);
  });

  it('serves members, machines, stats, health and version as etcd does', async () => {
    const eps = await pair();
    await same(
      [
      { path: '/v2/members' },
      { path: '/v2/members/leader' },
      { path: '/v2/members/nope' },
      { method: 'DELETE', path: '/v2/members' },
      { method: 'PUT', path: '/v2/members/1234', headers: { 'Content-Type': 'text/plain' } },
      { path: '/v2/machines' },
      { method: 'POST', path: '/v2/machines' },
      { path: '/v2/stats/leader' },
      { method: 'PUT', path: '/v2/stats/self' },
      { path: '/health' },
      { path: '/v2/keys/' },
      { method: 'POST', path: '/health' },
      { path: '/version' },
      { method: 'OPTIONS', path: '/v2/keys/foo' },
      { path: '/nothing/here' },
    ],
      {},
      eps,
    );
    // Counters and times differ; the shapes may not.
    const shape = async (ep: Endpoint, path: string): Promise<string[]> => Object.keys((await (await fetch(`${ep.url}${path}`)).json()) as object);
    for (const path of ['/v2/stats/store', '/v2/stats/self']) expect(await shape(eps[1], path)).toEqual(await shape(eps[0], path));
  });

  it('expires TTL keys and tells watchers', async () => {
    const eps = await pair();
    await same([{ method: 'PUT', path: '/v2/keys/gone', form: { value: 'v', ttl: '1' } }, { method: 'PUT', path: '/v2/keys/kept', form: { value: 'k' } }], { raft: false }, eps);
    const expiry = eps.map((ep) => send(ep, { path: '/v2/keys/gone?wait=true' }, { raft: false }));
    expect(await expiry[1]).toEqual(await expiry[0]);
    await same([{ path: '/v2/keys/?recursive=true&sorted=true' }, { path: '/v2/keys/gone' }], { raft: false }, eps);
  });

  it('keeps the keyspace across a restart, which takes a v2 index and raft entries', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'kubedojo-v2-real-')), mkdtempSync(join(tmpdir(), 'kubedojo-v2-ours-'))];
    try {
      const first: [Endpoint, Endpoint] = [await startReal({ dataDir: dirs[0] }), await startOurs({ dataDir: dirs[1] })];
      await same([{ method: 'PUT', path: '/v2/keys/kept', form: { value: 'k' } }], {}, first);
      await Promise.all(first.map((ep) => ep.stop()));
      const again: [Endpoint, Endpoint] = [await startReal({ dataDir: dirs[0] }), await startOurs({ dataDir: dirs[1] })];
      running.push(...again);
      await same([{ path: '/v2/keys/?recursive=true' }, { method: 'PUT', path: '/v2/keys/after', form: { value: 'a' } }], {}, again);
    } finally {
      await Promise.all(running.splice(0).map((e) => e.stop()));
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('adds a member as etcd does (the cluster then lacks a quorum)', async () => {
    const eps = await pair();
    const json = { 'Content-Type': 'application/json' };
    const add = (urls: string): Step => ({ method: 'POST', path: '/v2/members', form: `{"peerURLs":${urls}}`, headers: json });
    await same([add('["http://localhost:2380"]'), add('["foo"]'), add('["http://127.0.0.1:2390/x"]'), add('[1]'), { ...add('[]'), headers: {} }, { method: 'DELETE', path: '/v2/members/zz' }, { method: 'DELETE', path: '/v2/members/1234' }, { ...add('["http://127.0.0.1:9"]'), method: 'PUT', path: '/v2/members/1234' }], {}, eps);
    // The new member's ID hashes the time in seconds (masked), and members are listed by ID.
    const masked = async (ep: Endpoint, step: Step): Promise<Answer> => {
      const a = await send(ep, step);
      const body = a.body.replace(/"id":"(?!8e9e05c52164694d)[0-9a-f]+"/g, '"id":"NEW"');
      const list = (JSON.parse(body) as { members?: { id: string }[] }).members;
      return { ...a, body: list ? JSON.stringify(list.sort((x, y) => x.id.localeCompare(y.id))) : body };
    };
    for (const step of [add('["http://127.0.0.1:2390"]'), { path: '/v2/members' }, { path: '/v2/keys/' }]) expect(await masked(eps[1], step)).toEqual(await masked(eps[0], step));
    // Without a quorum a write times out as etcd's request timeout (7 s) says.
    const write: Step = { method: 'PUT', path: '/v2/keys/x', form: { value: '1' } };
    const [want, got] = await Promise.all([send(eps[0], write), send(eps[1], write)]);
    expect(got).toEqual(want);
  }, 20_000);

  it('answers /v2 with 404 without --enable-v2', async () => {
    const eps = await pair(false);
    await same([{ path: '/v2/keys/foo' }, { path: '/v2/members' }, { path: '/version' }], {}, eps);
    const out = await sameCtl([['set', '/foo', 'bar'], ['ls'], ['member', 'list'], ['cluster-health']], eps);
    expect(out[0]).toBe('Error:  client: response is invalid json. The endpoint is probably not valid etcd cluster endpoint\n');
    expect(out[2]).toBe('unexpected status code 404\n');
  });

  it('behaves the same for the real etcdctl in v2 mode', async () => {
    const out = await sameCtl([
      ['set', '/foo', 'bar'],
      ['--no-sync', 'get', '/foo'],
      ['-o', 'json', 'set', '/foo', 'new'],
      ['-o', 'extended', 'mk', '/new', 'x', '--ttl', '30'],
      ['mk', '/new', 'y'],
      ['mkdir', '/dir'],
      ['set', '/dir/b', '2'],
      ['set', '/dir/a', '1'],
      ['ls', '--sort', '-r'],
      ['-o', 'extended', 'ls', '/dir'],
      ['get', '/dir'],
      ['set', '/foo', 'z', '--swap-with-value', 'nope'],
      ['set', '/foo', 'z', '--swap-with-index', '5'],
      ['update', '/nope', 'x'],
      ['updatedir', '/dir', '--ttl', '10'],
      ['setdir', '/dir'],
      ['rm', '/dir'],
      ['rm', '-r', '/dir'],
      ['-o', 'extended', 'mk', '--in-order', '/queue', 'job'],
      ['rmdir', '/queue'],
      ['watch', '/foo', '--after-index', '4'],
      ['member', 'list'],
      ['cluster-health'],
      ['-o', 'json', 'rm', '/foo'],
      ['get', '--quorum', '/foo'],
    ]);
    expect(out.slice(0, 3)).toEqual(['bar\n', 'bar\n', expect.stringContaining('"prevNode":{"key":"/foo","value":"bar"')]);
    expect(out[22]).toBe('member 8e9e05c52164694d is healthy: got healthy result from http://127.0.0.1:PORT\ncluster is healthy\n');
  });

  it('feeds the real etcdctl watch and exec-watch as etcd does', async () => {
    const [real, ours] = await pair();
    const cases: [string[], string[][]][] = [
      [['watch', '/k'], [['set', '/k', '1']]],
      [['watch', '--forever', '/k'], [['set', '/k', '1'], ['set', '/k', '2'], ['rm', '/k']]],
      [['watch', '--recursive', '--forever', '/d'], [['set', '/d/a', '1'], ['set', '/d/b/c', '2'], ['rm', '-r', '/d']]],
      [['-o', 'json', 'watch', '--after-index', '5', '/k'], []],
      [['exec-watch', '--recursive', '/k', '--', 'sh', '-c', 'echo "$ETCD_WATCH_ACTION|$ETCD_WATCH_KEY|$ETCD_WATCH_VALUE|$ETCD_WATCH_MODIFIED_INDEX"'], [['set', '/k', 'hello']]],
    ];
    for (const [args, during] of cases) {
      const [want, got] = await Promise.all([etcdctl2During(real, args, during), etcdctl2During(ours, args, during)]);
      expect({ args, ...maskRun(got, ours) }).toEqual({ args, ...maskRun(want, real) });
    }
  }, 30_000);

});
