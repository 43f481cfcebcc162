import { describe, expect, it } from 'vitest';
import { AuthorityRewriter, fixHeaderBlock, huffmanCodes, huffmanDecode } from './authority.js';

const key = (len: number, code: number): number => len * 2 ** 30 + code;

describe('HPACK Huffman code (RFC 7541 Appendix B)', () => {
  it('is rebuilt from the code lengths as the RFC lists it', () => {
    const t = huffmanCodes();
    expect(t.get(key(13, 0x1ff8))).toBe(0);
    expect(t.get(key(23, 0x7fffd8))).toBe(1);
    expect(t.get(key(5, 0x0))).toBe(0x30); // '0'
    expect(t.get(key(5, 0x3))).toBe(0x61); // 'a'
    expect(t.get(key(6, 0x18))).toBe(0x2f); // '/'
    expect(t.get(key(26, 0x3ffffee))).toBe(255);
  });

  it('decodes the RFC examples (C.4.1, C.4.2) and refuses bad padding', () => {
    expect(huffmanDecode(Buffer.from('f1e3c2e5f23a6ba0ab90f4ff', 'hex'))?.toString()).toBe('www.example.com');
    expect(huffmanDecode(Buffer.from('a8eb10649cbf', 'hex'))?.toString()).toBe('no-cache');
    expect(huffmanDecode(Buffer.from('f1e3c2e5f23a6ba0ab90f400', 'hex'))).toBeUndefined();
  });
});

/** The table's codes, the other way (what grpc-go's encoder does for a shorter string). */
function huffmanEncode(s: string): Buffer {
  const codes = new Map([...huffmanCodes()].map(([k, sym]) => [sym, { len: Math.floor(k / 2 ** 30), code: k % 2 ** 30 }]));
  let bits = '';
  for (const c of Buffer.from(s)) bits += codes.get(c)!.code.toString(2).padStart(codes.get(c)!.len, '0');
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

describe('fixHeaderBlock', () => {
  // :method POST (indexed 3), :authority literal with incremental indexing (name index 1)
  const literal = (value: Buffer, huffman: boolean): Buffer => Buffer.concat([Buffer.from([0x83, 0x41, (huffman ? 0x80 : 0) | value.length]), value]);

  it("makes a scheme-prefixed authority's '/' '.', keeping its length, raw or Huffman-coded", () => {
    const raw = fixHeaderBlock(literal(Buffer.from('http://127.0.0.1:2379'), false));
    expect(raw).toEqual(literal(Buffer.from('http:..127.0.0.1:2379'), false));
    const huff = fixHeaderBlock(literal(huffmanEncode('http://127.0.0.1:2379'), true));
    expect(huff).toEqual(literal(Buffer.from('http:..127.0.0.1:2379'), false));
  });

  it('leaves a block without such a value alone', () => {
    expect(fixHeaderBlock(literal(Buffer.from('127.0.0.1:2379'), false))).toBeUndefined();
    expect(fixHeaderBlock(Buffer.from([0x82, 0x86, 0x84, 0xbe]))).toBeUndefined();
  });

  it('reads literal names and never-indexed literals', () => {
    const name = Buffer.from(':authority');
    const value = Buffer.from('http://h:1');
    const block = Buffer.concat([Buffer.from([0x10, name.length]), name, Buffer.from([value.length]), value]);
    expect(fixHeaderBlock(block)?.subarray(-value.length).toString()).toBe('http:..h:1');
  });
});

describe('AuthorityRewriter', () => {
  it('passes the preface and other frames through and rewrites a HEADERS frame split across chunks', () => {
    const preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
    const settings = Buffer.from('000000040000000000', 'hex');
    const block = Buffer.concat([Buffer.from([0x83, 0x41, 21]), Buffer.from('http://127.0.0.1:2379')]);
    const headers = Buffer.concat([Buffer.from([0, 0, block.length, 0x1, 0x4, 0, 0, 0, 1]), block]);
    const input = Buffer.concat([preface, settings, headers]);
    const r = new AuthorityRewriter();
    const out = Buffer.concat([...r.push(input.subarray(0, 30)), ...r.push(input.subarray(30, 50)), ...r.push(input.subarray(50))]);
    expect(out.length).toBe(input.length);
    expect(out.toString('latin1')).toBe(input.toString('latin1').replace('http://', 'http:..'));
  });
});
