import { describe, expect, it } from 'vitest';
import { Duplex, PassThrough } from 'node:stream';
import { constants, createDeflate, inflateSync } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary.js';
import { dataFrame, FrameParser, goAway, ping, rstStream, synReply, synStream, windowUpdate } from './frames.js';
import { adler32, decodeHeaderBlock, encodeHeaderBlock, HeaderCompressor, HeaderDecompressor } from './headers.js';
import { SpdySession } from './session.js';
import type { SpdyStream } from './stream.js';

const hex = (b: Buffer) => b.toString('hex');

describe('SPDY/3 dictionary and checksums', () => {
  it('is the 1423-byte dictionary of the spec (Adler-32 e3c6a7c2, as Go spdystream dictionary.go)', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(adler32(SPDY3_DICTIONARY).toString(16)).toBe('e3c6a7c2');
  });
  it.each([
    ['Wikipedia', 0x11e60398],
    ['', 1],
  ])('adler32(%j)', (text, sum) => expect(adler32(Buffer.from(text))).toBe(sum));
});

describe('frames', () => {
  it.each([
    ['RST_STREAM 1 CANCEL', rstStream(1, 5), '80030003000000080000000100000005'],
    ['PING 1', ping(1), '800300060000000400000001'],
    ['GOAWAY 3 OK', goAway(3), '80030007000000080000000300000000'],
    ['WINDOW_UPDATE 1 +65536', windowUpdate(1, 65536), '80030009000000080000000100010000'],
    ['DATA 3 FIN "hi"', dataFrame(3, true, Buffer.from('hi')), '00000003010000026869'],
    ['SYN_REPLY 1 block', synReply(1, false, Buffer.from([0xaa])), '800300020000000500000001aa'],
    ['SYN_STREAM 5 FIN block', synStream(5, true, Buffer.from([0xbb])), '800300010100000b' + '00000005' + '00000000' + '0000' + 'bb'],
  ])('%s', (_name, frame, want) => expect(hex(frame)).toBe(want));

  it('reassembles frames split anywhere (a tunnel sends each Go write as its own message)', () => {
    const wire = Buffer.concat([dataFrame(1, false, Buffer.from('hello')), ping(7), dataFrame(1, true, Buffer.alloc(0))]);
    const p = new FrameParser();
    const frames = [...wire].flatMap((byte) => p.push(Buffer.from([byte])));
    expect(frames.map((f) => (f.kind === 'data' ? `data ${f.streamId} ${f.flags} ${f.data.toString()}` : `control ${f.type}`))).toEqual(['data 1 0 hello', 'control 6', 'data 1 1 ']);
  });
});

describe('header blocks', () => {
  const kubectl = { streamtype: 'error', port: '80', requestid: '0' };

  it('encodes count, then length-prefixed lower-case names and values', () => {
    expect(hex(encodeHeaderBlock({ Port: '80' }))).toBe('00000001' + '00000004' + hex(Buffer.from('port')) + '00000002' + hex(Buffer.from('80')));
    expect(decodeHeaderBlock(encodeHeaderBlock(kubectl))).toEqual(kubectl);
  });

  it('writes each block as a stored block plus the empty stored block of a sync flush', () => {
    const c = new HeaderCompressor();
    // zlib header with FDICT and the dictionary's ID, then [00 LEN NLEN] + the 4-byte count 0, then 00 0000 ffff.
    expect(hex(c.compress({}))).toBe('78bb' + 'e3c6a7c2' + '00' + '0400' + 'fbff' + '00000000' + '000000ffff');
    // Later blocks continue the same stream: no zlib header. (Without the empty block Go's flate
    // reads past the frame looking for the next block header and fails the next SYN_REPLY.)
    expect(hex(c.compress({}))).toBe('00' + '0400' + 'fbff' + '00000000' + '000000ffff');
  });

  it('compresses as one zlib stream any inflater with the dictionary reads block after block', () => {
    const c = new HeaderCompressor();
    const first = c.compress(kubectl);
    const second = c.compress({});
    const out = inflateSync(Buffer.concat([first, second]), { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    expect(out).toEqual(Buffer.concat([encodeHeaderBlock(kubectl), encodeHeaderBlock({})]));
  });

  it('decompresses blocks a best-compression, sync-flushed deflater wrote (Go spdystream framer)', async () => {
    const z = createDeflate({ dictionary: SPDY3_DICTIONARY, level: 9 });
    const flushOne = (block: Buffer) => new Promise<Buffer>((resolve) => {
      const out: Buffer[] = [];
      const on = (d: Buffer) => out.push(d);
      z.on('data', on);
      z.write(block);
      z.flush(constants.Z_SYNC_FLUSH, () => setImmediate(() => { z.off('data', on); resolve(Buffer.concat(out)); }));
    });
    const d = new HeaderDecompressor();
    const a = await flushOne(encodeHeaderBlock(kubectl));
    const b = await flushOne(encodeHeaderBlock({ ...kubectl, streamtype: 'data' }));
    expect(await d.decompress(a)).toEqual(kubectl);
    expect(await d.decompress(b)).toEqual({ ...kubectl, streamtype: 'data' });
    d.close();
    z.close();
  });
});

function pipePair(): [Duplex, Duplex] {
  const a = new PassThrough();
  const b = new PassThrough();
  return [Duplex.from({ readable: a, writable: b }), Duplex.from({ readable: b, writable: a })];
}

/** What the peer sent until its FIN or the stream's end (not for-await: it destroys the stream when done). */
const collect = (s: SpdyStream): Promise<string> => new Promise((resolve) => {
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString()));
  s.once('end', () => resolve(text));
  s.once('close', () => resolve(text));
});

describe('SpdySession', () => {
  function connected(onStream: (s: SpdyStream) => string | undefined) {
    const [c, s] = pipePair();
    return { client: new SpdySession(c, { server: false }), server: new SpdySession(s, { server: true, onStream }) };
  }

  it('opens a stream with headers, carries data both ways and half-closes with FIN', async () => {
    const seen: Record<string, string>[] = [];
    const { client, server } = connected((st) => {
      seen.push(st.headers);
      void collect(st).then((text) => st.end(`echo:${text}`));
      return undefined;
    });
    const st = await client.open({ streamtype: 'data', port: '80', requestid: '0' });
    expect(st.id).toBe(1);
    st.end('GET / HTTP/1.1\r\n\r\n');
    expect(await collect(st)).toBe('echo:GET / HTTP/1.1\r\n\r\n');
    expect(seen).toEqual([{ streamtype: 'data', port: '80', requestid: '0' }]);
    const next = await client.open({ streamtype: 'error', port: '80', requestid: '1' });
    expect(next.id).toBe(3);
    client.close();
    await Promise.all([client.closed, server.closed]);
  });

  it('rejects a stream the server refuses (RST_STREAM)', async () => {
    const { client, server } = connected(() => '"port" header is required');
    await expect(client.open({ streamtype: 'data' })).rejects.toThrow('stream reset');
    server.close();
    await client.closed;
  });

  it('ends every stream when the connection goes away', async () => {
    const { client, server } = connected(() => undefined);
    const st = await client.open({ streamtype: 'data', port: '1', requestid: '0' });
    const text = collect(st);
    server.close();
    await client.closed;
    expect(await text).toBe('');
    await expect(client.open({})).rejects.toThrow('connection closed');
  });

  it('echoes the peer\'s PING and leaves its own unanswered', async () => {
    const [c, s] = pipePair();
    new SpdySession(s, { server: true });
    const p = new FrameParser();
    const got: string[] = [];
    c.on('data', (d: Buffer) => p.push(d).forEach((f) => got.push(f.kind === 'control' ? hex(f.payload) : 'data')));
    c.write(ping(1));
    c.write(ping(2));
    c.write(ping(5));
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['00000001', '00000005']);
  });
});
