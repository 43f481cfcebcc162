// --request-timeout in the REST client: client-go's ?timeout= parameter and http.Client.Timeout's
// deadline, before the answer and while reading it. Servers here are loopback and stopped after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createHttpServer, type Server } from 'node:http';
import net from 'node:net';
import { RestClient, withTimeout } from './rest.js';
import { DeadlineError, TransportError } from './transport-error.js';

describe('withTimeout', () => {
  it.each([
    ['/api', '/api?timeout=1s'],
    ['/api/v1/pods?limit=500', '/api/v1/pods?limit=500&timeout=1s'],
    ['/api/v1/pods?fieldSelector=a%3Db&watch=true', '/api/v1/pods?fieldSelector=a%3Db&timeout=1s&watch=true'],
    ['/api/v1/pods/x/log?container=c&tailLines=1&timestamps=true', '/api/v1/pods/x/log?container=c&tailLines=1&timeout=1s&timestamps=true'],
    ['/api?timeout=32s', '/api?timeout=32s'],
  ])('%s', (path, want) => expect(withTimeout(path, '1s')).toBe(want));
});

describe('the client deadline', () => {
  let silent: net.Server;
  let slow: Server;
  const paths: string[] = [];
  const port = (s: net.Server | Server) => (s.address() as net.AddressInfo).port;
  beforeAll(async () => {
    silent = net.createServer((c) => c.on('data', () => undefined));
    // answers with headers, then keeps the body open
    slow = createHttpServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n');
    });
    await Promise.all([silent, slow].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))));
  });
  afterAll(async () => {
    slow.closeAllConnections();
    await Promise.all([silent, slow].map((s) => new Promise((done) => s.close(done))));
  });
  const client = (p: number) => new RestClient({ server: `http://127.0.0.1:${p}`, timeout: { ms: 200, text: '200ms' } });

  it('fails a request with no answer as Go words it', async () => {
    const c = client(port(silent));
    const err = await c.raw('GET', '/api').catch((e: unknown) => e);
    c.close();
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).message).toBe(`Get "http://127.0.0.1:${port(silent)}/api?timeout=200ms": context deadline exceeded`);
  });

  it('cuts an answer still being read', async () => {
    const c = client(port(slow));
    const res = await c.stream('/log?follow=true');
    const read = (async () => { for await (const _ of res) { /* drain */ } })();
    await expect(read).rejects.toBeInstanceOf(DeadlineError);
    c.close();
    expect(paths).toContain('/log?follow=true&timeout=200ms');
  });

  it('ends a watch quietly, as client-go does', async () => {
    const c = client(port(slow));
    const names: string[] = [];
    const w = c.watchPath('/api/v1/pods?watch=true', (e) => names.push(e.object.metadata.name ?? ''));
    await expect(w.done).resolves.toBeUndefined();
    c.close();
    expect(names).toEqual(['a']);
  });
});
