// etcd v3 auth through the real etcdctl 3.4: the recorded reference cases (groups auth/user/role)
// replayed against our server, then one long session run against a real etcd and ours side by
// side, compared after masking timestamps, client UUIDs, tokens and ports. Our server runs in this
// process: every client is spawned asynchronously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveRealEtcd, REAL_ETCDCTL, run, startOurs, startReal, type Endpoint, type Run } from '../support/etcd-pair.js';

interface Mask {
  stream: 'stdout' | 'stderr' | 'both';
  pattern: string;
  replace: string;
  flags?: string;
}
type Step = string[] | { argv: string[]; env?: Record<string, string> };
interface Case {
  id: string;
  api: string;
  group: string;
  server: string;
  setup: Step[];
  argv: string[];
  env: Record<string, string>;
  stdin: string;
  stdout: string;
  stderr: string;
  exit: number | null;
  masks?: Mask[];
  post?: { argv: string[]; stdout: string; stderr: string; exit: number }[];
}

const REFERENCE = '/work/shared/reference/etcdctl/cases.jsonl';
const UUID = /client-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TS = /"ts":"[^"]*"/g;

function loadCases(): Case[] {
  let text = '';
  try {
    text = readFileSync(REFERENCE, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case)
    .filter((c) => c.api === '3' && ['auth', 'user', 'role'].includes(c.group) && c.server === 'plain');
}

function masked(text: string, stream: 'stdout' | 'stderr', masks: Mask[], port: number): string {
  let out = text.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:2379');
  for (const m of masks) {
    if (m.stream !== 'both' && m.stream !== stream) continue;
    out = out.replace(new RegExp(m.pattern, `g${m.flags ?? ''}`), m.replace);
  }
  return out;
}

const ctl = (ep: Endpoint, argv: string[], env: Record<string, string>, stdin = ''): Promise<Run> =>
  run(REAL_ETCDCTL, [`--endpoints=127.0.0.1:${ep.port}`, ...argv.slice(1)], env, stdin);

const cases = loadCases();

describe.skipIf(!haveRealEtcd || cases.length === 0)('reference auth/user/role cases against our etcd', () => {
  it.concurrent.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const ours = await startOurs({ v2: false });
    try {
      for (const step of c.setup) {
        const argv = Array.isArray(step) ? step : step.argv;
        const env = Array.isArray(step) ? c.env : (step.env ?? c.env);
        await ctl(ours, argv, env);
      }
      const r = await ctl(ours, c.argv, c.env, c.stdin);
      const masks = c.masks ?? [];
      expect({ stdout: masked(r.stdout, 'stdout', masks, ours.port), stderr: masked(r.stderr, 'stderr', masks, ours.port), exit: r.code }).toEqual({
        stdout: masked(c.stdout, 'stdout', masks, 2379),
        stderr: masked(c.stderr, 'stderr', masks, 2379),
        exit: c.exit,
      });
      for (const p of c.post ?? []) {
        const pr = await ctl(ours, p.argv, c.env);
        expect({ stdout: pr.stdout, stderr: pr.stderr, exit: pr.code }).toEqual({ stdout: p.stdout, stderr: p.stderr, exit: p.exit });
      }
    } finally {
      await ours.stop();
    }
  });
});

/**
 * One step of the side-by-side session: etcdctl arguments (after the endpoint), optional stdin;
 * capture: a variable to set from "lease <id> granted"; unordered: stderr lines race (snapshot's logs).
 */
type SessionStep = { args: string[]; stdin?: string; capture?: string; unordered?: boolean };
const R = ['--user=root:rootpw'];
const A = ['--user=alice:alicepw'];
const STATUS: SessionStep = { args: ['endpoint', 'status', '-w', 'json'] };

const SESSION: SessionStep[] = [
  { args: ['auth', 'enable'] },
  { args: ['user', 'add', 'root:rootpw'] },
  { args: ['user', 'get', 'root'] },
  { args: ['user', 'add', ''], stdin: '' },
  { args: ['role', 'add', 'root'] },
  { args: ['role', 'list', '-w', 'json'] },
  STATUS,
  { args: ['auth', 'enable'] },
  { args: ['user', 'grant-role', 'root', 'root'] },
  { args: ['auth', 'enable'] },
  STATUS,
  { args: [...R, 'auth', 'enable'] },
  { args: ['get', 'a'] },
  { args: ['put', 'a', '1'] },
  { args: ['--user=root:wrong', 'get', 'a'] },
  { args: ['--user=nobody:pw', 'get', 'a'] },
  { args: [...R, 'put', '/app/x', '1'] },
  { args: [...R, 'put', '/other', '1'] },
  { args: [...R, 'user', 'add', 'alice:alicepw'] },
  { args: [...R, 'user', 'add', 'svc', '--no-password'] },
  { args: ['--user=svc:pw', 'get', 'a'] },
  { args: [...R, 'role', 'add', 'app'] },
  { args: [...R, 'role', 'add', ''] },
  { args: [...R, 'role', 'grant-permission', 'app', 'read', '/app/', '--prefix'] },
  { args: [...R, 'role', 'grant-permission', 'app', 'readwrite', '/app/w'] },
  { args: [...R, 'role', 'grant-permission', 'app', 'write', '/app/', '/app0'] },
  { args: [...R, 'role', 'grant-permission', 'app', 'read', '/z', '--from-key'] },
  { args: [...R, 'role', 'get', 'app', '-w', 'json'] },
  { args: [...R, 'user', 'grant-role', 'alice', 'app'] },
  { args: [...R, 'user', 'grant-role', 'alice', 'app'] },
  { args: [...R, 'user', 'grant-role', 'alice', 'nope'] },
  STATUS,
  { args: [...A, 'get', '/app/x'] },
  { args: [...A, 'get', '/app/', '--prefix'] },
  { args: [...A, 'get', '/app', '--prefix'] },
  { args: [...A, 'get', '/z', '--from-key'] },
  { args: [...A, 'get', '/y', '--from-key'] },
  { args: [...A, 'get', '/other'] },
  { args: [...A, 'put', '/app/w', '2'] },
  { args: [...A, 'put', '/app/x', '2'] },
  { args: [...A, 'put', '/app/w', '3', '--prev-kv'] },
  { args: [...A, 'put', '/other', '2'] },
  { args: [...A, 'del', '/app/x'] },
  { args: [...A, 'del', '/app/', '--prefix'] },
  { args: [...A, 'del', '/other'] },
  STATUS,
  { args: [...A, 'txn'], stdin: 'value("/app/x") = "1"\n\nput /app/w t\n\nget /other\n\n' },
  { args: [...A, 'txn'], stdin: 'value("/app/x") = "1"\n\nput /app/w t\n\nget /app/x\n\n' },
  STATUS,
  { args: [...A, 'user', 'get', 'alice'] },
  { args: [...A, 'user', 'get', 'root'] },
  { args: [...A, 'role', 'get', 'app'] },
  { args: [...A, 'role', 'get', 'root'] },
  { args: [...A, 'user', 'list'] },
  { args: [...A, 'role', 'list'] },
  { args: [...A, 'user', 'add', 'eve:pw'] },
  { args: [...A, 'auth', 'disable'] },
  { args: [...A, 'member', 'list'] },
  { args: [...A, 'member', 'add', 'x', '--peer-urls=http://127.0.0.1:1'] },
  { args: [...A, 'endpoint', 'hashkv'] },
  { args: [...A, 'defrag'] },
  { args: [...A, 'alarm', 'list'] },
  { args: [...A, 'compaction', '2'] },
  { args: ['member', 'list'] },
  { args: ['endpoint', 'hashkv'] },
  { args: ['alarm', 'list'] },
  { args: ['lease', 'grant', '100'] },
  STATUS,
  { args: [...R, 'lease', 'grant', '100'], capture: '${LEASE}' },
  { args: [...R, 'put', '/other', 'leased', '--lease=${LEASE}'] },
  { args: [...A, 'put', '/app/w', 'leased', '--lease=${LEASE}'] },
  { args: [...A, 'lease', 'revoke', '${LEASE}'] },
  { args: ['lease', 'revoke', '${LEASE}'] },
  { args: [...A, 'lease', 'timetolive', '${LEASE}', '--keys'] },
  { args: [...A, 'lease', 'list'] },
  { args: [...A, 'snapshot', 'save', '${DIR}/a.db'], unordered: true },
  { args: ['snapshot', 'save', '${DIR}/b.db'], unordered: true },
  STATUS,
  { args: [...R, 'lease', 'revoke', '${LEASE}'] },
  STATUS,
  { args: [...R, 'endpoint', 'hashkv', '-w', 'json'] },
  { args: [...R, 'user', 'delete', 'root'] },
  { args: [...R, 'role', 'delete', 'root'] },
  { args: [...R, 'user', 'revoke-role', 'root', 'root'] },
  { args: [...R, 'user', 'revoke-role', 'alice', 'root'] },
  { args: [...R, 'role', 'revoke-permission', 'app', '/nope'] },
  { args: [...R, 'role', 'revoke-permission', 'app', '/app/w'] },
  { args: [...R, 'role', 'get', 'app'] },
  { args: [...R, 'user', 'passwd', 'alice', '--interactive=false'], stdin: 'newpw\n' },
  { args: [...A, 'get', '/app/x'] },
  { args: ['--user=alice:newpw', 'get', '/app/x'] },
  { args: [...R, 'user', 'get', 'alice', '--detail'] },
  { args: [...R, 'role', 'delete', 'app'] },
  { args: [...R, 'user', 'get', 'alice'] },
  { args: [...R, 'user', 'delete', 'alice'] },
  { args: [...R, 'user', 'list'] },
  STATUS,
  { args: [...R, 'auth', 'disable'] },
  { args: [...R, 'get', '/app/x'] },
  { args: ['auth', 'disable'] },
  { args: ['user', 'list'] },
  { args: ['role', 'list'] },
  STATUS,
  // Last: our store spends a raft entry on a read-only txn, where etcd spends none.
  { args: [...R, 'auth', 'enable'] },
  { args: [...A, 'txn'], stdin: 'value("/other") = "1"\n\nget /app/x\n\n\n' },
  { args: [...R, 'txn'], stdin: '\nget /app/x\n\nget /app/w\n\n' },
];

function normalize(r: Run, port: number): Run {
  const clean = (s: string): string =>
    s
      .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:<PORT>')
      .replace(TS, '"ts":"<TS>"')
      .replace(/"ts":[0-9.e+]+/g, '"ts":<TS>')
      .replace(/\b694d[0-9a-f]{12}\b/g, '<LEASE>')
      .replace(UUID, 'client-<UUID>')
      .replace(/"dbSize":\d+/g, '"dbSize":<N>')
      .replace(/"dbSizeInUse":\d+/g, '"dbSizeInUse":<N>')
      .replace(/"hash":\d+/g, '"hash":<N>')
;
  return { stdout: clean(r.stdout), stderr: clean(r.stderr), code: r.code };
}

describe.skipIf(!haveRealEtcd)('an auth session side by side with a real etcd', () => {
  let real: Endpoint;
  let ours: Endpoint;
  beforeAll(async () => {
    [real, ours] = await Promise.all([startReal({ v2: false }), startOurs({ v2: false })]);
  }, 30_000);
  const scratch: string[] = [];
  afterAll(async () => {
    await Promise.all([real?.stop(), ours?.stop()]);
    for (const d of scratch) rmSync(d, { recursive: true, force: true });
  });

  it('answers every step as etcd 3.4 does', async () => {
    const env = { ETCDCTL_API: '3' };
    const diffs: string[] = [];
    // Per endpoint: ${LEASE} (the last captured lease ID) and ${DIR} (a scratch directory).
    const vars = [real, ours].map(() => {
      scratch.push(mkdtempSync(join(tmpdir(), 'kubedojo-auth-')));
      return new Map([['${DIR}', scratch.at(-1)!]]);
    });
    for (const step of SESSION) {
      const [want, got] = await Promise.all(
        [real, ours].map(async (ep, i) => {
          const v = vars[i]!;
          const args = step.args.map((a) => [...v].reduce((acc, [k, val]) => acc.replaceAll(k, val), a));
          const r = await ctl(ep, ['etcdctl', ...args], env, step.stdin ?? '');
          const id = step.capture ? /lease ([0-9a-f]+) granted/.exec(r.stdout)?.[1] : undefined;
          if (step.capture && id) v.set(step.capture, id);
          const dir = v.get('${DIR}')!;
          const n = normalize({ ...r, stdout: r.stdout.replaceAll(dir, '<DIR>'), stderr: r.stderr.replaceAll(dir, '<DIR>') }, ep.port);
          return step.unordered ? { ...n, stderr: n.stderr.split('\n').sort().join('\n') } : n;
        }),
      );
      if (JSON.stringify(want) !== JSON.stringify(got)) diffs.push(`$ etcdctl ${step.args.join(' ')}\nwant ${JSON.stringify(want)}\ngot  ${JSON.stringify(got)}`);
    }
    expect(diffs.join('\n\n')).toBe('');
  }, 120_000);

  it('refuses a watch without read permission, as etcd does', async () => {
    // The session above leaves auth on, with root:rootpw.
    const env = { ETCDCTL_API: '3' };
    const outs: Run[] = [];
    for (const ep of [real, ours]) {
      await ctl(ep, ['etcdctl', ...R, 'user', 'add', 'bob:bobpw'], env);
      const watch = (who: string, key: string) =>
        run('sh', ['-c', `timeout -s INT 1 ${REAL_ETCDCTL} --endpoints=127.0.0.1:${ep.port} ${who} watch ${key}; echo "exit $?"`], env);
      const tries = [['--user=bob:bobpw', '/secret'], ['', '/secret'], ['--user=bob:bobpw', '"" --prefix'], [R[0]!, '/secret']] as const;
      for (const [who, key] of tries) {
        outs.push(normalize(await watch(who, key), ep.port));
      }
    }
    expect(outs.slice(4)).toEqual(outs.slice(0, 4));
    expect(outs[0]?.stderr).toContain('permission denied');
    expect(outs[3]?.stdout).toBe('exit 124\n'); // root's watch runs until timeout(1) stops it
  }, 30_000);
});
