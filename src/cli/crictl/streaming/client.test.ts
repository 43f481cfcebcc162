import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeErrorStream } from './remotecommand.js';
import { escapeProxy } from './terminal.js';
import { checkTlsFlags, loadTls, type TlsFlags } from './tls.js';
import { streamUrl } from './stream.js';

describe('escapeProxy (detach keys ctrl-p,ctrl-q)', () => {
  it.each<[string, string[], string, boolean]>([
    ['plain input passes', ['ls\r'], 'ls\r', false],
    ['ctrl-p ctrl-q detaches', ['ab\x10\x11cd'], 'ab', true],
    ['split across chunks', ['ab\x10', '\x11cd'], 'ab', true],
    ['ctrl-p then another key passes both', ['\x10x'], '\x10x', false],
    ['ctrl-p at a chunk end waits for the next', ['a\x10', 'b'], 'a\x10b', false],
  ])('%s', async (_name, chunks, want, detached) => {
    const input = new PassThrough();
    let gone = false;
    const out = escapeProxy(input, () => (gone = true));
    let got = '';
    out.on('data', (d: Buffer) => (got += d.toString('latin1')));
    const ended = new Promise((r) => out.once('end', r));
    for (const c of chunks) input.write(Buffer.from(c, 'latin1'));
    input.end();
    await ended;
    expect([got, gone]).toEqual([want, detached]);
  });
});

describe('decodeErrorStream', () => {
  const v4 = 'v4.channel.k8s.io';
  it.each<[string, string, string | undefined]>([
    [v4, '', undefined],
    [v4, '{"metadata":{},"status":"Success"}', undefined],
    [v4, '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}', 'command terminated with exit code 3'],
    [v4, '{"metadata":{},"status":"Failure","message":"Internal error occurred: boom","reason":"InternalError","details":{"causes":[{"message":"boom"}]},"code":500}', 'Internal error occurred: boom'],
    ['v5.channel.k8s.io', '{"status":"Success"}', undefined],
    ['v3.channel.k8s.io', 'boom', 'error executing remote command: boom'],
    ['channel.k8s.io', 'boom', 'error executing remote command: boom'],
  ])('%s %s', (protocol, message, want) => {
    expect(decodeErrorStream(protocol, message)?.message).toBe(want);
  });
});

describe('streaming TLS flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crictl-tls-'));
  const pem = join(dir, 'ok.pem');
  const junk = join(dir, 'junk');
  writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  writeFileSync(junk, 'nope');
  const flags = (f: Partial<TlsFlags>): TlsFlags => ({ ca: '', cert: '', key: '', serverName: 'localhost', ...f });
  const id = (p: string) => p;

  it.each<[Partial<TlsFlags>, string | undefined]>([
    [{}, undefined],
    [{ cert: pem }, 'all two flags --tls-ca and --tls-cert are required for TLS streaming, only --tls-key is optional'],
    [{ ca: pem }, 'all two flags --tls-ca and --tls-cert are required for TLS streaming, only --tls-key is optional'],
    [{ cert: pem, key: pem }, undefined],
  ])('check %j', (f, want) => {
    const run = () => checkTlsFlags(flags(f));
    if (want) expect(run).toThrow(want);
    else expect(run).not.toThrow();
  });

  it.each<[Partial<TlsFlags>, string]>([
    [{ cert: '/no/cert', key: pem }, 'open /no/cert: no such file or directory'],
    [{ ca: '/no/ca', cert: pem, key: pem }, 'open /no/ca: no such file or directory'],
    [{ cert: dir, key: pem }, `read ${dir}: is a directory`],
    [{ ca: junk, cert: pem, key: pem }, 'unable to load root certificates: unable to parse bytes as PEM block'],
    [{ cert: junk, key: pem }, 'tls: failed to find any PEM data in certificate input'],
    [{ cert: pem, key: junk }, 'tls: failed to find any PEM data in key input'],
  ])('load %j', (f, want) => {
    expect(() => loadTls(flags(f), id)).toThrow(want);
  });

  it('loads nothing without flags, the files and server name with them', () => {
    expect(loadTls(flags({}), id)).toEqual({});
    expect(loadTls(flags({ cert: pem, key: pem }), id)).toMatchObject({ servername: 'localhost' });
  });
});

describe('streamUrl', () => {
  it.each<[string, string]>([
    ['http://127.0.0.1:35421/exec/AbC-_123', 'http://127.0.0.1:35421/exec/AbC-_123'],
    ['/exec/tok', 'http://127.0.0.1:10250/exec/tok'],
  ])('%s', (raw, want) => expect(streamUrl(raw).toString()).toBe(want));
});
