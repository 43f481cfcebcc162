// The real etcdctl 3.4 (Debian's etcd-client) against our etcd server, on run-time loopback ports.
// The full byte-for-byte replay of the reference cases lives in test/etcdctl; this is the quick
// proof that the wire protocol is etcd's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Running } from '../../src/etcd/serve.js';
import { buildConfig } from '../../src/etcd/config.js';
import { parseFlags } from '../../src/etcd/flags.js';
import { createLogger } from '../../src/etcd/log.js';
import { freePorts } from '../support/ports.js';

const ETCDCTL = '/usr/bin/etcdctl';
const haveEtcdctl = existsSync(ETCDCTL);

describe.skipIf(!haveEtcdctl)('real etcdctl against our etcd', () => {
  let dir = '';
  let running: Running;
  let endpoint = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-etcd-'));
    const [client, peer] = await freePorts(2);
    endpoint = `127.0.0.1:${client}`;
    const parsed = parseFlags(['--data-dir', join(dir, 'data'), '--listen-client-urls', `http://${endpoint}`, '--advertise-client-urls', `http://${endpoint}`, '--listen-peer-urls', `http://127.0.0.1:${peer}`], {});
    if (parsed.kind !== 'run') throw new Error(parsed.kind);
    running = await serve(buildConfig(parsed.values), createLogger(() => undefined));
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The server runs in this process: the clients must be awaited, never run synchronously.
  const exec = (cmd: string, args: string[], input = ''): Promise<{ stdout: string; stderr: string; code: number | null }> =>
    new Promise((resolve) => {
      const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', ETCDCTL_API: '3' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ stdout, stderr, code }));
      child.stdin.end(input);
    });
  const ctl = (args: string[], input = '') => exec(ETCDCTL, ['--endpoints', endpoint, ...args], input);

  it('puts, gets, runs a txn and reports the default member', async () => {
    expect((await ctl(['put', 'a', '1'])).stdout).toBe('OK\n');
    expect((await ctl(['get', 'a', '-w', 'json'])).stdout).toBe(
      '{"header":{"cluster_id":14841639068965178418,"member_id":10276657743932975437,"revision":2,"raft_term":2},"kvs":[{"key":"YQ==","create_revision":2,"mod_revision":2,"version":1,"value":"MQ=="}],"count":1}\n',
    );
    expect((await ctl(['txn'], 'value("a") = "1"\n\nput b x\nget b\n\nput c y\n\n')).stdout).toBe('SUCCESS\n\nOK\n\nb\nx\n');
    expect((await ctl(['member', 'list'])).stdout).toBe(`8e9e05c52164694d, started, default, http://localhost:2380, http://${endpoint}, false\n`);
  });

  it('reports server errors with the real wording and exit code', async () => {
    const r = await ctl(['get', 'a', '--rev', '99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"error":"rpc error: code = OutOfRange desc = etcdserver: mvcc: required revision is a future revision"\}\nError: etcdserver: mvcc: required revision is a future revision\n$/);
  });

  it('watches', async () => {
    const watch = await exec('sh', ['-c', `(sleep 0.5; ${ETCDCTL} --endpoints ${endpoint} put w 1 >/dev/null) & timeout -s INT 2 ${ETCDCTL} --endpoints ${endpoint} watch w; true`]);
    expect(watch.stdout).toBe('PUT\nw\n1\n');
  });

  it('answers /version and /health on the same port as gRPC', async () => {
    expect((await exec('curl', ['-s', `http://${endpoint}/version`])).stdout).toBe('{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}');
  });
});
