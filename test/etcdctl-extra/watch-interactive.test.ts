// `etcdctl watch -i`, ours against the real etcdctl 3.4.23, each against a real etcd 3.4 (a
// child) and ours (in this process), on run-time ports. Each script feeds stdin one line at a
// time, with writes in between, then closes stdin (`Error reading watch request line: EOF`, 3)
// unless a line already ended etcdctl. Keys carry a per-run prefix so the four runs of a script
// can share a server; revisions and the prefix are masked.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { haveRealEtcd, run as runCmd, REAL_ETCDCTL, type Endpoint } from '../support/etcd-pair.js';
import { useServerPair, type Run } from './check-harness.js';

/** A stdin line, or a write made with the real etcdctl (`@put k v`). `{p}` is the run's prefix. */
type Step = string;

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe.skipIf(!haveRealEtcd)('etcdctl watch -i against the real etcdctl', () => {
  const pair = useServerPair();
  let runs = 0;


  async function script(cmd: string[], s: Endpoint, flags: string[], steps: Step[], env: Record<string, string>): Promise<Run> {
    const p = `wi${runs++}-`;
    const ep = `127.0.0.1:${s.port}`;
    const child = spawn(cmd[0]!, [...cmd.slice(1), '--endpoints', ep, 'watch', '-i', ...flags], {
      cwd: pair.clients().dir, env: { PATH: process.env.PATH ?? '', HOME: pair.clients().dir, ETCDCTL_API: '3', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined);
    const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // generous pauses: under load a client may start, or spawn a `-- cmd`, slowly
    await pause(1200);
    for (const step of steps.map((t) => t.replaceAll('{p}', p))) {
      if (step.startsWith('@put ')) await runCmd(REAL_ETCDCTL, ['--endpoints', ep, 'put', ...step.split(' ').slice(1)], { ETCDCTL_API: '3' });
      else if (child.exitCode === null) child.stdin.write(`${step}\n`);
      // a watch line opens its watch asynchronously: a write before it is open is not seen
      await pause(step.startsWith('watch ') ? 1000 : 350);
    }
    await pause(1000);
    child.stdin.end();
    const code = await closed;
    const mask = (t: string): string => t.replaceAll(p, '{p}').replace(/"(revision|create_revision|mod_revision|version)":\d+/g, '"$1":N').replace(/progress notify: \d+/g, 'progress notify: N')
      .replace(/"(cluster_id|member_id)":\d+/g, '"$1":ID').replace(/"CompactRevision":[1-9]\d*/g, '"CompactRevision":N');
    return { stdout: mask(stdout), stderr: mask(stderr), code };
  }

  async function same(flags: string[], steps: Step[], expected: Partial<Run>, env: Record<string, string> = {}): Promise<void> {
    const all = await Promise.all(pair.servers().flatMap((s) => [script(pair.clients().real, s, flags, steps, env), script(pair.clients().ours, s, flags, steps, env)]));
    expect(all[0]).toMatchObject(expected);
    for (const r of all.slice(1)) expect(r).toEqual(all[0]);
  }

  const EOF = 'Error: Error reading watch request line: EOF\n';

  it('parses each line with a fresh flag set: --prefix and --prev-kv per line, not from the command line', async () => {
    await same(['--prefix'], ['watch {p}a --prefix', '@put {p}ab 1', 'watch {p}b --prev-kv', '@put {p}b x', '@put {p}b y', 'watch {p}c', '@put {p}cc 1'], {
      stdout: 'PUT\n{p}ab\n1\nPUT\n{p}b\nx\nPUT\n{p}b\nx\n{p}b\ny\n', stderr: EOF, code: 3,
    });
  });

  it('skips bad lines with their own wording', async () => {
    await same([], ['foo', '  ', 'watch', 'watch a b --prefix', 'watch -- echo', 'watch {p}k a b', '@put {p}k 1'], {
      stdout: 'PUT\n{p}k\n1\n',
      stderr: 'Invalid command foo (only support watch)\nInvalid command:    (watch and progress supported)\nInvalid command watch (command type or key is not provided)\n'
        + 'Invalid command watch a b --prefix (`range_end` and `--prefix` are mutually exclusive)\nInvalid command watch -- echo (bad number of arguments)\n' + EOF,
      code: 3,
    });
  });

  it.each<[string, string, string]>([
    ['an unknown flag', 'watch a --bogus', 'unknown flag: --bogus'],
    ['a bad flag value', 'watch a --rev x', 'invalid argument "x" for "--rev" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    ['--help, which the line flag set lacks', 'watch a --help', 'pflag: help requested'],
    ['-h', 'watch -h a', 'pflag: help requested'],
    ['no key', 'watch --prefix', 'bad number of arguments'],
    ['a separator without a command', 'watch a --', 'bad number of arguments (found separator --, but no commands)'],
  ])('ends etcdctl on %s (exit 128)', async (_name, line, message) => {
    await same([], [line, 'watch b'], { stdout: '', stderr: `Error: ${message}\n`, code: 128 });
  });

  it('prints progress notifications once per open watch', async () => {
    await same(['-w', 'json'], ['progress', 'watch {p}p', 'progress'], {
      stdout: 'progress notify: N\n{"Header":{"cluster_id":ID,"member_id":ID,"revision":N,"raft_term":2},"Events":[],"CompactRevision":0,"Canceled":false,"Created":false}\n',
      code: 3,
    });
  });

  it('runs the command after -- per event; ETCDCTL_WATCH_KEY conflicts with a key on the line', async () => {
    await same([], ['watch {p}e -- echo hi', '@put {p}e 1'], { stdout: 'PUT\n{p}e\n1\nhi\n', stderr: EOF, code: 3 });
    await same([], ['watch', 'watch x'], { stdout: '', stderr: 'Error: bad number of arguments (found conflicting environment key)\n', code: 128 }, { ETCDCTL_WATCH_KEY: 'k' });
  });

  it('shows a watch the server cancels for compaction as clientv3 hands it on: no revision, empty Events', async () => {
    for (const s of pair.servers()) {
      const ep = ['--endpoints', `127.0.0.1:${s.port}`];
      const put = await runCmd(REAL_ETCDCTL, [...ep, 'put', 'compacted', 'x', '-w', 'json'], { ETCDCTL_API: '3' });
      const rev = /"revision":(\d+)/.exec(put.stdout)![1]!;
      expect((await runCmd(REAL_ETCDCTL, [...ep, 'compaction', rev], { ETCDCTL_API: '3' })).code).toBe(0);
    }
    await same(['-w', 'json'], ['watch compacted --rev 1'], {
      stdout: '{"Header":{"cluster_id":ID,"member_id":ID,"raft_term":2},"Events":[],"CompactRevision":N,"Canceled":true,"Created":false}\n',
      stderr: `watch was canceled (etcdserver: mvcc: required revision has been compacted)\n${EOF}`,
      code: 3,
    });
  });
});
