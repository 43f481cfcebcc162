import { describe, expect, it } from 'vitest';
import { Duplex, PassThrough } from 'node:stream';
import type { ContainerRecord } from '../container-record.js';
import { MemoryRuntime } from '../cri/memory-runtime.js';
import type { PodView } from '../logs/handler.js';
import { PodFabric, type Listener } from '../network/fabric.js';
import { BUSYBOX, NGINX } from '../network/testing.js';
import type { CatalogImage } from '../runtime/catalog.js';
import { formatResponse, keepAlive, parseRequest, serveHttp, type ParsedRequest } from './http-conn.js';
import { openPortForward, refusedMessage } from './open.js';

const NOW = Date.UTC(2026, 10, 23, 2, 40, 0);
const HTTPD: CatalogImage = { ...NGINX, repository: 'docker.io/library/httpd', env: ['HTTPD_VERSION=2.4.62'], behaviour: { ...NGINX.behaviour, http: 'httpd' } };

describe('parseRequest', () => {
  const req = (text: string) => parseRequest(Buffer.from(text));
  it.each<[string, Partial<ParsedRequest> | 'bad' | undefined]>([
    ['GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n', { method: 'GET', target: '/', version: 'HTTP/1.1', headers: { host: 'localhost:8080', 'user-agent': 'curl/8.5.0', accept: '*/*' }, length: 77 }],
    ['HEAD /index.html HTTP/1.0\n\n', { method: 'HEAD', target: '/index.html', version: 'HTTP/1.0', headers: {}, length: 27 }],
    ['POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nab', undefined],
    ['POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc', { method: 'POST', length: 42 }],
    ['GET / HTTP/1.1\r\nHost: x\r\n', undefined],
    ['\x16\x03\x01 hello tls\r\n\r\n', 'bad'],
    ['GET / HTTP/2.0\r\n\r\n', 'bad'],
  ])('%j', (text, want) => {
    const got = req(text);
    if (typeof want === 'object') expect(got).toMatchObject(want);
    else expect(got).toBe(want);
  });
});

describe('keepAlive', () => {
  const r = (version: string, connection?: string): ParsedRequest => ({ method: 'GET', target: '/', version, headers: connection ? { connection } : {}, length: 0 });
  it.each<[ParsedRequest, boolean]>([
    [r('HTTP/1.1'), true],
    [r('HTTP/1.1', 'close'), false],
    [r('HTTP/1.0'), false],
    [r('HTTP/1.0', 'Keep-Alive'), true],
  ])('%j → %s', (req, want) => expect(keepAlive(req)).toBe(want));
});

describe('formatResponse', () => {
  const res = { status: 200, reason: 'OK', headers: [['Content-Length', '2'], ['Connection', 'close'], ['ETag', '"x"']] as [string, string][], body: 'hi' };
  it.each<['nginx' | 'httpd', boolean, string]>([
    ['nginx', true, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\nETag: "x"\r\n\r\nhi'],
    ['nginx', false, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\nETag: "x"\r\n\r\nhi'],
    ['httpd', true, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=5, max=100\r\nConnection: Keep-Alive\r\nETag: "x"\r\n\r\nhi'],
  ])('%s keep-alive=%s', (app, alive, want) => expect(formatResponse(app, res, alive).toString()).toBe(want));
});

function pipePair(): [Duplex, Duplex] {
  const a = new PassThrough();
  const b = new PassThrough();
  return [Duplex.from({ readable: a, writable: b }), Duplex.from({ readable: b, writable: a })];
}

function fakeListener(image: CatalogImage): { listener: Listener; logs: string[] } {
  const logs: string[] = [];
  return { listener: { image, stdout: (t) => logs.push(t) }, logs };
}

describe('serveHttp', () => {
  it('answers requests one after another on a kept-alive connection and logs each from 127.0.0.1', async () => {
    const { listener, logs } = fakeListener(NGINX);
    const [client, server] = pipePair();
    const done = serveHttp(listener, 'nginx', server, () => NOW);
    let got = '';
    client.on('data', (d: Buffer) => (got += d.toString()));
    client.write('GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\n\r\nGET /missing HTTP/1.1\r\nUser-Agent: curl/8.5.0\r\nConnection: close\r\n\r\n');
    await done;
    expect(got.match(/^HTTP\/1\.1 \d+ .*$/gm)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    expect(got.match(/^Connection: .*$/gm)).toEqual(['Connection: keep-alive', 'Connection: close']);
    expect(logs).toEqual([
      '127.0.0.1 - - [23/Nov/2026:02:40:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n',
      '127.0.0.1 - - [23/Nov/2026:02:40:00 +0000] "GET /missing HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"\n',
    ]);
  });

  it('logs an HTTP/1.0 request as such (httpd common log format) and closes after it', async () => {
    const { listener, logs } = fakeListener(HTTPD);
    const [client, server] = pipePair();
    const done = serveHttp(listener, 'httpd', server, () => NOW);
    client.resume();
    client.write('GET / HTTP/1.0\r\n\r\n');
    await done;
    expect(logs).toEqual(['127.0.0.1 - - [23/Nov/2026:02:40:00 +0000] "GET / HTTP/1.0" 200 45\n']);
  });
});

describe('openPortForward', () => {
  const pod = { metadata: { namespace: 'default', name: 'web', uid: 'u1' }, spec: { nodeName: 'node-1', containers: [{ name: 'nginx' }] } };
  const view = { pod, status: {}, isRunning: () => true } as unknown as PodView;
  const pods = { byName: (ns: string, name: string) => (ns === 'default' && name === 'web' ? view : undefined) };

  function env(sandbox: boolean) {
    const runtime = new MemoryRuntime({ now: () => NOW, newId: () => 'f'.repeat(56) + '12345678' });
    if (sandbox) runtime.addSandbox({ name: 'web', namespace: 'default', uid: 'u1', attempt: 0, ip: '10.244.1.5', labels: {}, annotations: {} });
    const fabric = new PodFabric();
    const record = { name: 'nginx', running: { startedAt: 0, containerID: 'c' }, process: { ports: [80] }, launch: { image: NGINX }, log: { write: () => {} } } as unknown as ContainerRecord;
    fabric.addNode('node-1', () => ({ container: (_ns, _n, c) => (c === 'nginx' ? record : undefined) }));
    return { pods, runtime, fabric, now: () => NOW };
  }

  it.each<[string, boolean, { code: number; message: string }]>([
    ['nope', true, { code: 404, message: 'pod does not exist' }],
    ['web', false, { code: 500, message: 'pod not found ("web_default")' }],
  ])('refuses %s (sandbox %s)', async (name, sandbox, want) => {
    expect(await openPortForward(env(sandbox), { namespace: 'default', name })).toEqual(want);
  });

  it('names the sandbox, empty uid, and fails a port nothing listens on with containerd 1.7\'s words', async () => {
    const target = await openPortForward(env(true), { namespace: 'default', name: 'web' });
    if ('code' in target) throw new Error('refused');
    const id = 'f'.repeat(56) + '12345678';
    expect([target.pod, target.uid]).toEqual([id, '']);
    const [, server] = pipePair();
    await expect(target.forward(8080, server)).rejects.toThrow(
      `failed to execute portforward in network namespace "/var/run/netns/cni-ffffffff": failed to connect to localhost:8080 inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:8080: connect: connection refused IPv6 dial tcp6 [::1]:8080: connect: connection refused `,
    );
  });

  it('keeps a connection to a process that speaks no HTTP open until the client closes it', async () => {
    const runtime = new MemoryRuntime({ now: () => NOW });
    const s = runtime.addSandbox({ name: 'web', namespace: 'default', uid: 'u1', attempt: 0, ip: '10.244.1.5', labels: {}, annotations: {}, hostNetwork: true });
    expect(refusedMessage(s, 6379)).toContain('network namespace "host"');
    const fabric = new PodFabric();
    const record = { name: 'nginx', running: { startedAt: 0, containerID: 'c' }, process: { ports: [6379] }, launch: { image: BUSYBOX } } as unknown as ContainerRecord;
    fabric.addNode('node-1', () => ({ container: () => record }));
    const target = await openPortForward({ pods, runtime, fabric, now: () => NOW }, { namespace: 'default', name: 'web' });
    if ('code' in target) throw new Error('refused');
    const [client, server] = pipePair();
    const done = target.forward(6379, server);
    client.write('PING\r\n');
    client.end();
    await done;
  });
});
