import { describe, expect, it } from 'vitest';
import { Duplex, PassThrough } from 'node:stream';
import { SpdySession } from '../../client/spdy/session.js';
import type { SpdyStream } from '../../client/spdy/stream.js';
import { checkStream, StreamPairs, type PortForwardTarget } from './portforward-streams.js';
import { tunneledProtocols } from './portforward.js';

describe('checkStream (httpStreamReceived)', () => {
  it.each<[Record<string, string>, string | undefined]>([
    [{ streamtype: 'data', port: '80', requestid: '0' }, undefined],
    [{ streamtype: 'error', port: '65535' }, undefined],
    [{ streamtype: 'data' }, '"port" header is required'],
    [{ streamtype: 'data', port: 'http' }, 'unable to parse "http" as a port: strconv.ParseUint: parsing "http": invalid syntax'],
    [{ streamtype: 'data', port: '70000' }, 'unable to parse "70000" as a port: strconv.ParseUint: parsing "70000": value out of range'],
    [{ streamtype: 'data', port: '0' }, 'port "0" must be > 0'],
    [{ port: '80' }, '"streamType" header is required'],
    [{ streamtype: 'resize', port: '80' }, 'invalid stream type "resize"'],
  ])('%j', (headers, want) => expect(checkStream(headers)).toBe(want));
});

it('takes the SPDY protocols a tunnelling WebSocket offers', () => {
  expect(tunneledProtocols(['SPDY/3.1+portforward.k8s.io', 'v4.channel.k8s.io', 'SPDY/3.1+other.example'])).toEqual(['portforward.k8s.io']);
});

function connected(target: PortForwardTarget) {
  const a = new PassThrough();
  const b = new PassThrough();
  const pairs = new StreamPairs(target);
  new SpdySession(Duplex.from({ readable: b, writable: a }), { server: true, onStream: pairs.onStream });
  return new SpdySession(Duplex.from({ readable: a, writable: b }), { server: false });
}

const readAll = (s: SpdyStream): Promise<string> => new Promise((resolve) => {
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  s.once('end', () => resolve(text));
  s.once('close', () => resolve(text));
});

/** What a kubectl connection does: error stream (closed at once), then data stream, same request ID. */
async function forwardOnce(client: SpdySession, port: string, requestid: string, send: string): Promise<{ data: string; error: string }> {
  const error = await client.open({ streamtype: 'error', port, requestid });
  error.end();
  const errText = readAll(error);
  const data = await client.open({ streamtype: 'data', port, requestid });
  data.end(send);
  return { data: await readAll(data), error: await errText };
}

describe('StreamPairs', () => {
  it('forwards a complete pair to the target port and half-closes both streams after', async () => {
    const ports: number[] = [];
    const client = connected({
      pod: 'sandbox', uid: '',
      forward: (port, stream) => new Promise((done) => {
        ports.push(port);
        let got = '';
        stream.on('data', (d: Buffer) => (got += d.toString()));
        stream.once('end', () => {
          stream.end(`echo ${got}`);
          done();
        });
      }),
    });
    expect(await forwardOnce(client, '80', '0', 'ping')).toEqual({ data: 'echo ping', error: '' });
    expect(await forwardOnce(client, '8080', '1', 'pong')).toEqual({ data: 'echo pong', error: '' });
    expect(ports).toEqual([80, 8080]);
    client.close();
  });

  it('writes the runtime failure on the error stream with the streaming server\'s prefix', async () => {
    const client = connected({ pod: 'abc123', uid: '', forward: async () => { throw new Error('failed to connect'); } });
    expect(await forwardOnce(client, '81', '0', '')).toEqual({ data: '', error: 'error forwarding port 81 to pod abc123, uid : failed to connect' });
    client.close();
  });

  it('refuses a stream with a bad header', async () => {
    const client = connected({ pod: 'x', uid: '', forward: async () => {} });
    await expect(client.open({ streamtype: 'data', port: '0', requestid: '0' })).rejects.toThrow('stream reset');
    client.close();
  });

  it('pairs streams without a request ID by their stream IDs (old clients)', async () => {
    const seen: number[] = [];
    const client = connected({ pod: 'x', uid: '', forward: async (port, s) => { seen.push(port); s.end(); } });
    const error = await client.open({ streamtype: 'error', port: '90' });
    error.end();
    const data = await client.open({ streamtype: 'data', port: '90' });
    await readAll(data);
    expect([error.id, data.id, seen]).toEqual([1, 3, [90]]);
    client.close();
  });
});
