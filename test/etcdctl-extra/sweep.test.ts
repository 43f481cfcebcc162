// Command lines whose output does not change the cluster (errors, failures, read-only output),
// ours against the real etcdctl 3.4.23, each against a real etcd 3.4 (a child) and ours (in this
// process), on run-time ports: all four runs must agree after masking ports, IDs, times and
// client ids. `{ep}` is the server's endpoint, `{dead}` a port nothing listens on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealEtcd, startOurs, startReal, type Endpoint } from '../support/etcd-pair.js';
import { deadPort } from '../support/ports.js';
import { clients, exec, mask, type Clients, type Run } from './check-harness.js';

interface Case {
  args: string[];
  /** API version (ETCDCTL_API) */
  api?: '2' | '3';
  /** variables set for the command */
  env?: Record<string, string>;
  /** what the real etcdctl must print against the real etcd (after masks) */
  want?: Partial<Run>;
  /** the four runs share files in the working directory: one at a time */
  serial?: boolean;
  /**
   * --debug: grpc-go's own log lines (`INFO: <time> [core]...`, its connectivity state machine)
   * are dropped from stderr; our client is grpc-js and does not print them.
   */
  debug?: boolean;
}

const GRPC_GO_LOG = /^(INFO|WARNING): \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[core\].*\n/gm;

const CASES: Record<string, Case> = {
  'hashkv with a dead endpoint ends with the last error': {
    args: ['--endpoints={ep},127.0.0.1:{dead}', '--dial-timeout=1s', '--command-timeout=1s', 'endpoint', 'hashkv'],
    want: { code: 1 },
  },
  'hashkv -w json with a dead endpoint first': {
    args: ['--endpoints=127.0.0.1:{dead},{ep}', '--dial-timeout=1s', '--command-timeout=1s', 'endpoint', 'hashkv', '-w', 'json'],
    want: { code: 1 },
  },
  'status with a dead endpoint: no final error line': {
    args: ['--endpoints={ep},127.0.0.1:{dead}', '--dial-timeout=1s', '--command-timeout=1s', 'endpoint', 'status', '-w', 'table'],
    want: { code: 1 },
  },
  'an expired --command-timeout: the call never reaches the balancer': {
    args: ['--command-timeout=0s', 'get', 'a'],
    want: { stderr: expect.stringContaining('"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}\nError: context deadline exceeded\n'), code: 1 },
  },
  '--debug dumps the inherited flags, after the ETCDCTL_* variables apply': {
    args: ['--debug', '--dial-timeout=1500ms', 'get', 'a'], env: { ETCDCTL_COMMAND_TIMEOUT: '3s', ETCDCTL_HEX: 'true' }, debug: true,
    want: { stderr: expect.stringMatching(/^ETCDCTL_CACERT=\nETCDCTL_CERT=\nETCDCTL_COMMAND_TIMEOUT=3s\nETCDCTL_DEBUG=true\nETCDCTL_DIAL_TIMEOUT=1.5s\n(.|\n)*ETCDCTL_HEX=true\n(.|\n)*ETCDCTL_WRITE_OUT=simple\n$/), code: 0 },
  },
  '--debug before an unreadable --cacert': {
    args: ['--debug', '--cacert=nosuch.pem', '-w', 'json', 'put', 'a', 'b'], debug: true,
    want: { stderr: expect.stringContaining('ETCDCTL_WRITE_OUT=json\nError: open nosuch.pem: no such file or directory\n'), code: 128 },
  },
  '--debug: endpoint health builds its clients without clientConfigFromCmd': { args: ['--debug', 'endpoint', 'health'], debug: true, want: { code: 0 } },
  '--debug: snapshot save dumps before it refuses two endpoints': {
    args: ['--debug', '--endpoints={ep},127.0.0.1:{dead}', 'snapshot', 'save', 'x.db'], debug: true,
    want: { stderr: expect.stringContaining('ETCDCTL_ENDPOINTS=[127.0.0.1:<PORT>,127.0.0.1:<PORT>]\n'), code: 5 },
  },
  'an http endpoint with a path: the path is dropped': { args: ['--endpoints=http://{ep}/x/y', 'get', 'a'], want: { code: 0 } },
  // clientv3 dials these one endpoint at a time with the endpoint as the target: grpc-go sends
  // `:authority: http://127.0.0.1:P`, which Node's HTTP/2 refuses unless rewritten (src/etcd/grpc/authority.ts)
  'endpoint status of a scheme-prefixed plain-HTTP endpoint': { args: ['--endpoints=http://{ep}', 'endpoint', 'status', '-w', 'table'], want: { code: 0, stderr: '' } },
  'endpoint status --cluster from a scheme-prefixed endpoint': { args: ['--endpoints=http://{ep}', 'endpoint', 'status', '--cluster'], want: { code: 0, stderr: '' } },
  'endpoint hashkv of a scheme-prefixed endpoint': { args: ['--endpoints=http://{ep}', 'endpoint', 'hashkv', '-w', 'json'], want: { code: 0, stderr: '' } },
  'defrag of a scheme-prefixed endpoint': { args: ['--endpoints=http://{ep}', 'defrag'], want: { code: 0, stderr: '' } },
  'move-leader through a scheme-prefixed endpoint, to a member that does not exist': {
    args: ['--endpoints=http://{ep}', 'move-leader', '1'],
    want: { code: 1, stderr: expect.stringContaining('Error: etcdserver: bad leader transferee\n') },
  },
  'an endpoint of an unknown scheme never connects': {
    args: ['--endpoints=ftp://{ep}', '--command-timeout=1s', 'endpoint', 'status'],
    want: { stderr: expect.stringContaining('Error while dialing dial: unknown network '), code: 1 },
  },
  'an endpoint without a port': {
    args: ['--endpoints=127.0.0.1', '--command-timeout=1s', 'endpoint', 'status'],
    want: { stderr: expect.stringContaining('dial tcp: address 127.0.0.1: missing port in address'), code: 1 },
  },
  'a dead localhost endpoint is dialled at 127.0.0.1': {
    args: ['--endpoints=localhost:{dead}', '--command-timeout=1s', 'endpoint', 'status'],
    want: { stderr: expect.stringContaining('dial tcp 127.0.0.1:<PORT>: connect: connection refused'), code: 1 },
  },
  'a unix endpoint with no socket': {
    args: ['--endpoints=unix://nosuch.sock', '--command-timeout=1s', 'endpoint', 'status'],
    want: { stderr: expect.stringContaining('"target":"passthrough:///unix://nosuch.sock"'), code: 1 },
  },
  'snapshot save "": the rename fails, exit 5': { args: ['snapshot', 'save', ''], want: { code: 5 }, serial: true },
  'snapshot save .: os.Rename will not replace a directory': { args: ['snapshot', 'save', '.'], want: { code: 5 }, serial: true },
  'snapshot status "": stat fails': { args: ['snapshot', 'status', ''], want: { stderr: 'Error: stat : no such file or directory\n', code: 1 } },
  'snapshot status of a directory': { args: ['snapshot', 'status', '.'], want: { stderr: 'Error: open .: is a directory\n', code: 1 } },
  'move-leader to a member that does not exist': { args: ['move-leader', '1234'], want: { code: 1 } },
  'snapshot restore of a missing file logs where it restores first': {
    args: ['snapshot', 'restore', 'nosuch.db', '--data-dir=x'], want: { stderr: expect.stringContaining('"msg":"restoring snapshot","path":"nosuch.db","wal-dir":"x/member/wal"'), code: 1 },
  },
  'v2: --total-timeout 0 fails the sync as a connection error': { api: '2', args: ['--total-timeout', '0', 'ls'], want: { stderr: 'Error:  context deadline exceeded\n', code: 2 } },
  'v2: --total-timeout 0 without a sync fails the command': { api: '2', args: ['--no-sync', '--total-timeout', '0', 'get', '/a'], want: { stderr: 'Error:  context deadline exceeded\n', code: 4 } },
  'v2: a header timeout per endpoint': { api: '2', args: ['--no-sync', '--timeout', '1ns', 'get', '/a'], want: { code: 4 } },
  'v2: --cert-file without --key-file': { api: '2', args: ['--cert-file', 'x.crt', 'ls'], want: { stderr: 'KeyFile and CertFile must both be present[key: , cert: x.crt]\n', code: 1 } },
  'v2: an endpoint without a scheme does not parse': { api: '2', args: ['--endpoints=127.0.0.1:1', 'ls'], want: { stderr: 'parse "127.0.0.1:1": first path segment in URL cannot contain colon\n', code: 1 } },
  'v2: an endpoint with an unknown scheme': { api: '2', args: ['--endpoints=ftp://{ep}', 'ls'], want: { code: 4 } },
  'v2: an endpoint path prefixes the API paths': { api: '2', args: ['--endpoints={ep}/x', 'ls'], want: { code: 4 } },
  'v2: a unix endpoint is dialled at host:80': { api: '2', args: ['--endpoints=unix://nosuch.sock', 'ls'], want: { code: 2 } },
  'v2: member list takes no arguments': { api: '2', args: ['member', 'list', 'x'], want: { stderr: 'No arguments accepted\n', code: 1 } },
  'v2: auth enable takes no arguments': { api: '2', args: ['auth', 'enable', 'x'], want: { stderr: 'No arguments accepted\n', code: 1 } },
  'v2: help member is the command help of a group': { api: '2', args: ['help', 'member'], want: { code: 0 } },
  'v2: member help is the group app help': { api: '2', args: ['member', 'help'], want: { code: 0 } },
  'v2: user h': { api: '2', args: ['user', 'h'], want: { code: 0 } },
  'v2: user get without a name is refused before dialling': { api: '2', args: ['--endpoints=http://127.0.0.1:{dead}', 'user', 'get'], want: { stderr: 'Please provide a username\n', code: 1 } },
  'v2: member add without a URL is refused before dialling': { api: '2', args: ['--endpoints=http://127.0.0.1:{dead}', 'member', 'add', 'n'], want: { stderr: 'Provide a name and a single member peerURL\n', code: 1 } },
  'v2: role grant of a path that is not canonical': { api: '2', args: ['role', 'grant', 'r', '--path', 'a/../b/', '--read'], want: { stderr: 'Not canonical path; please use `--path=/b/`\n', code: 1 } },
  'v2: role grant reads the role first': { api: '2', args: ['--debug', 'role', 'grant', 'nosuch', '--path', '/a', '--read'], want: { code: 1 } },
  'v2: --debug prints the endpoints without a sync too, and bodies as %q': { api: '2', args: ['--debug', '--no-sync', 'set', '/nosuch-sweep', 'v', '--swap-with-value', 'nope'], want: { code: 4 } },
};

describe.skipIf(!haveRealEtcd)('etcdctl sweep against the real etcdctl', () => {
  let c: Clients;
  let servers: Endpoint[] = [];
  let dead = 0;

  beforeAll(async () => {
    [c, dead] = await Promise.all([clients(), deadPort()]);
    servers = await Promise.all([startReal(), startOurs()]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    c?.cleanup();
  });

  const masked = (t: string): string => mask(t, [...servers.map((s) => s.port), dead])
    .replace(/took = [0-9.]+[µm]?s/g, 'took = <D>')
    .replace(/"(ts|took)":\d+(\.\d+)?(e-\d+)?/g, '"$1":<T>')
    // the database sizes of bbolt and SQLite files differ
    .replace(/\d+ kB/g, '<SIZE>').replace(/"(dbSize|dbSizeInUse)":\d+/g, '"$1":<N>')
    .replace(/"(cluster_id|member_id|hash)":\d+/g, '"$1":<N>')
    .replace(/\b[0-9a-f]{15,16}\b/g, '<ID>')
    .replace(/, \d{6,10}\n/g, ', <HASH>\n')
    .replace(/\| +\d{6,10} \|/g, '| <HASH> |');

  async function run(cmd: string[], s: Endpoint, k: Case): Promise<Run> {
    const ep = k.api === '2' ? `http://127.0.0.1:${s.port}` : `127.0.0.1:${s.port}`;
    const args = k.args.map((a) => a.replaceAll('{ep}', ep).replaceAll('{dead}', String(dead)));
    const hasEp = args.some((a) => a.startsWith('--endpoints'));
    const env = Object.entries({ ...(k.api === '2' ? { ETCDCTL_API: '2' } : {}), ...k.env }).map(([n, v]) => `${n}=${v}`);
    const r = await exec([...(env.length > 0 ? ['env', ...env] : []), ...cmd], hasEp ? args : [`--endpoints=${ep}`, ...args], c.dir);
    const stderr = k.debug === true ? r.stderr.replace(GRPC_GO_LOG, '') : r.stderr;
    return { stdout: masked(r.stdout), stderr: masked(stderr), code: r.code };
  }

  for (const [name, k] of Object.entries(CASES)) {
    it(name, async () => {
      const runs = servers.flatMap((s) => [() => run(c.real, s, k), () => run(c.ours, s, k)]);
      const all: Run[] = [];
      if (k.serial === true) for (const r of runs) all.push(await r());
      else all.push(...(await Promise.all(runs.map((r) => r()))));
      if (k.want) expect(all[0]).toMatchObject(k.want);
      for (const r of all.slice(1)) expect(r).toEqual(all[0]);
    });
  }
});
