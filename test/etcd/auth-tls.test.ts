// With --client-cert-auth, etcd takes a verified client certificate's CN as the user when a
// request carries no token. The same session through the real etcdctl against a real etcd and
// ours, both serving https with a throwaway CA made by openssl. Our server runs in this process:
// every client is spawned asynchronously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Running } from '../../src/etcd/serve.js';
import { buildConfig } from '../../src/etcd/config.js';
import { parseFlags } from '../../src/etcd/flags.js';
import { createLogger } from '../../src/etcd/log.js';
import { haveRealEtcd, REAL_ETCD, REAL_ETCDCTL, run, type Run } from '../support/etcd-pair.js';
import { freePorts } from '../support/ports.js';

const OPENSSL = '/usr/bin/openssl';

async function openssl(dir: string, args: string[]): Promise<void> {
  const r = await run(OPENSSL, args.map((a) => (a.startsWith('@') ? join(dir, a.slice(1)) : a)));
  if (r.code !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate with CN=alice. */
async function makePki(dir: string): Promise<void> {
  writeFileSync(join(dir, 'srv.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  writeFileSync(join(dir, 'cli.ext'), 'extendedKeyUsage=clientAuth\n');
  await openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '@ca.key', '-out', '@ca.crt', '-days', '2', '-subj', '/CN=test-ca']);
  for (const [name, cn, ext] of [['server', 'server', 'srv.ext'], ['alice', 'alice', 'cli.ext']] as const) {
    await openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `@${name}.key`, '-out', `@${name}.csr`, '-subj', `/CN=${cn}`]);
    await openssl(dir, ['x509', '-req', '-in', `@${name}.csr`, '-CA', '@ca.crt', '-CAkey', '@ca.key', '-CAcreateserial', '-out', `@${name}.crt`, '-days', '2', '-extfile', `@${ext}`]);
  }
}

function tlsFlags(pki: string, dataDir: string, [client, peer]: [number, number]): { args: string[]; port: number } {
  const url = `https://127.0.0.1:${client}`;
  const tls = ['--cert-file', join(pki, 'server.crt'), '--key-file', join(pki, 'server.key'), '--trusted-ca-file', join(pki, 'ca.crt'), '--client-cert-auth'];
  return { args: ['--data-dir', dataDir, '--listen-client-urls', url, '--advertise-client-urls', url, '--listen-peer-urls', `http://127.0.0.1:${peer}`, ...tls], port: client };
}

describe.skipIf(!haveRealEtcd || !existsSync(OPENSSL))('client certificate CN as the user', () => {
  let dir = '';
  let ours: Running;
  let real: ReturnType<typeof spawn>;
  const ports: number[] = [];
  const ctl = (port: number, args: string[], cert: boolean): Promise<Run> => {
    const tls = ['--cacert', join(dir, 'ca.crt'), ...(cert ? ['--cert', join(dir, 'alice.crt'), '--key', join(dir, 'alice.key')] : [])];
    return run(REAL_ETCDCTL, [`--endpoints=127.0.0.1:${port}`, ...tls, ...args], { ETCDCTL_API: '3' });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubedojo-auth-tls-'));
    await makePki(dir);
    // all four ports chosen before either server starts, so the second cannot get one the first is about to bind
    const free = await freePorts(4);
    const r = tlsFlags(dir, join(dir, 'real'), [free[0]!, free[1]!]);
    real = spawn(REAL_ETCD, r.args, { stdio: 'ignore' });
    const o = tlsFlags(dir, join(dir, 'ours'), [free[2]!, free[3]!]);
    const parsed = parseFlags(o.args, {});
    if (parsed.kind !== 'run') throw new Error(parsed.kind);
    ours = await serve(buildConfig(parsed.values), createLogger(() => undefined));
    ports.push(r.port, o.port);
    for (let i = 0; i < 100 && (await ctl(r.port, ['endpoint', 'health'], true)).code !== 0; i++) await new Promise((done) => setTimeout(done, 100));
  }, 60_000);
  afterAll(async () => {
    real?.kill('SIGTERM');
    await ours?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets alice act as alice without a password, as etcd does', async () => {
    const steps: [string[], boolean][] = [
      [['user', 'add', 'root:rootpw'], true],
      [['user', 'grant-role', 'root', 'root'], true],
      [['user', 'add', 'alice:pw'], true],
      [['role', 'add', 'r'], true],
      [['role', 'grant-permission', 'r', 'readwrite', '/a'], true],
      [['user', 'grant-role', 'alice', 'r'], true],
      [['auth', 'enable'], true],
      [['put', '/a', '1'], true],
      [['get', '/a'], true],
      [['put', '/b', '1'], true],
      [['user', 'list'], true],
      [['user', 'get', 'alice'], true],
      [['--user=root:rootpw', 'get', '/b'], true],
      [['--user=root:rootpw', 'auth', 'disable'], true],
    ];
    const clean = (r: Run, port: number): Run => ({
      code: r.code,
      stdout: r.stdout,
      stderr: r.stderr
        .replace(/"ts":"[^"]*"/g, '"ts":"<TS>"')
        .replace(/client-[0-9a-f-]{36}/g, 'client-<UUID>')
        .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:<PORT>'),
    });
    for (const [args, cert] of steps) {
      const [want, got] = await Promise.all(ports.map(async (p) => clean(await ctl(p, args, cert), p)));
      expect({ args, ...got }).toEqual({ args, ...want });
    }
  }, 60_000);
});
