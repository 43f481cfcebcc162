// `kubectl proxy`: ours and the real one started side by side (port 0, same flags) in front of one
// live cluster; the same requests through each must get the same status, body and headers (but
// Date), and the real kubectl's exec works through ours (a WebSocket upgrade passed through).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_KUBECTL, eventually, hasRealKubectl, run, useCluster } from '../support/cluster.js';

const c = useCluster();
const OURS = resolve(import.meta.dirname, '../../bin/kubectl');

interface Proxy { child: ChildProcess; line: string; stderr: () => string; where: string }

function startProxy(side: 'real' | 'ours', args: string[]): Promise<Proxy> {
  const child = side === 'real' ? spawn(REAL_KUBECTL, ['proxy', ...args], { env: c.env }) : spawn(process.execPath, [OURS, 'proxy', ...args], { env: c.env });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Starting to serve on (.*)\n/.exec(out);
      if (m) res({ child, line: out, stderr: () => err, where: m[1]! });
    });
    child.once('exit', (code) => rej(new Error(`proxy exited ${code}: ${err}`)));
  });
}

/** klog headers without their time and pid: `W1123 04:50:01.123456   4242 proxy.go:175] ` → `W proxy.go:175] `. */
const klogFree = (t: string): string => t.replace(/^([EWIF])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ /gm, '$1 ');

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(p: Proxy, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const at = p.where.startsWith('/') ? { socketPath: p.where } : { host: '127.0.0.1', port: Number(p.where.split(':').pop()) };
  return new Promise((res, rej) => {
    const req = request({ ...at, method, path, headers, agent: false }, (r) => {
      let body = '';
      r.on('data', (d: Buffer) => (body += d.toString()));
      r.on('end', () => {
        const { date: _d, connection: _c, ...rest } = r.headers;
        res({ status: r.statusCode ?? 0, headers: rest, body });
      });
    });
    req.on('error', rej);
    req.end();
  });
}

const REQUESTS: [string, string, Record<string, string>?][] = [
  ['GET', '/version'],
  ['GET', '/api'],
  ['GET', '/api/v1/namespaces/default/pods/nope'],
  ['GET', '/api/v1/namespaces/default/pods/web/exec?command=ls'],
  ['GET', '/api/v1/namespaces/default/pods/web/attach'],
  ['GET', '/api', { Host: 'evil.example.com' }],
  ['GET', '//api/../version'],
  ['HEAD', '/version'],
  ['DELETE', '/api/v1/namespaces/default/configmaps/nope'],
  ['GET', '/k8s/version'],
  ['GET', '/k8s'],
  ['GET', '/static/hello.txt'],
  ['GET', '/static/'],
  ['GET', '/static'],
  ['GET', '/static/sub'],
  ['GET', '/static/missing'],
];

const FLAG_SETS: string[][] = [
  [],
  ['--api-prefix=/k8s', '--www=WWW', '--www-prefix=/static'],
  ['--reject-methods=^DELETE$,^HEAD$', '--accept-paths=^/api'],
  ['--disable-filter'],
];

describe.skipIf(!hasRealKubectl)('kubectl proxy: ours and the real one', () => {
  let www = '';
  beforeAll(async () => {
    www = mkdtempSync(join(tmpdir(), 'kd-www-'));
    writeFileSync(join(www, 'hello.txt'), 'hello\n');
    mkdirSync(join(www, 'sub'));
    writeFileSync(join(www, 'sub', 'index.html'), '<p>sub</p>\n');
    expect((await c.kubectl(['run', 'web', '--image=busybox', '--', 'sleep', '3600'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'web'], (o) => /1\/1\s+Running/.test(o), 60_000);
  }, 90_000);
  afterAll(() => rmSync(www, { recursive: true, force: true }));

  it.each(FLAG_SETS.map((f) => [f.join(' ') || '(defaults)', f] as const))('%s', async (_n, flags) => {
    const args = ['-p', '0', ...flags.map((f) => f.replace('WWW', www))];
    const [real, ours] = await Promise.all([startProxy('real', args), startProxy('ours', args)]);
    try {
      expect(ours.line.replace(/:\d+\n$/, '')).toBe(real.line.replace(/:\d+\n$/, ''));
      for (const [method, path, headers] of REQUESTS) {
        const [a, b] = [await send(real, method, path, headers), await send(ours, method, path, headers)];
        expect({ method, path, ...b }).toEqual({ method, path, ...a });
      }
      expect(klogFree(ours.stderr())).toBe(klogFree(real.stderr()));
    } finally {
      real.child.kill();
      ours.child.kill();
    }
  }, 60_000);

  it('serves on a unix socket, and passes upgrades through (the real kubectl exec via ours)', async () => {
    const sock = join(c.home, 'proxy.sock');
    const p = await startProxy('ours', ['-u', sock, '--reject-paths=^$']);
    try {
      expect(p.line).toBe(`Starting to serve on ${sock}\n`);
      expect((await send(p, 'GET', '/version')).status).toBe(200);
    } finally {
      p.child.kill();
    }
    const tcp = await startProxy('ours', ['-p', '0', '--reject-paths=^$']);
    try {
      const exec = () => run(REAL_KUBECTL, ['--kubeconfig=/dev/null', `--server=http://${tcp.where}`, 'exec', 'web', '--', 'echo', 'through'], c.env);
      let r = await exec();
      // client-go's WebSocket executor reads messages before it has made its streams, and drops
      // what comes first ("Unknown stream id"); a starved client loses a fast echo that way
      if (r.stderr.includes('Unknown stream id')) r = await exec();
      expect(r).toEqual({ code: 0, stdout: 'through\n', stderr: '' });
    } finally {
      tcp.child.kill();
    }
  }, 60_000);

  it('refuses what the real one refuses', async () => {
    const args = ['proxy', '-p', '9999', '-u', join(c.home, 'x.sock')];
    const [real, ours] = [await c.kubectl(args), await c.ourKubectl(args)];
    expect(ours).toEqual(real);
  });
});
