import { describe, expect, it } from 'vitest';
import { RECORD, WalEncoder } from './wal.js';
import { goString, v2StoreJson } from './v2-members.js';

/** Splits an encoded WAL into [length field, record bytes, padding]. */
function frames(wal: Buffer): { head: bigint; rec: Buffer; pad: Buffer }[] {
  const out = [];
  for (let at = 0; at < wal.length;) {
    const head = wal.readBigUInt64LE(at);
    const n = Number(head & 0xffffffffffffffn);
    const pad = head >> 63n ? Number((head >> 56n) & 7n) : 0;
    out.push({ head, rec: wal.subarray(at + 8, at + 8 + n), pad: wal.subarray(at + 8 + n, at + 8 + n + pad) });
    at += 8 + n + pad;
  }
  return out;
}

describe('WAL records', () => {
  it('pads each record to 8 bytes and says so in the top byte of its length', () => {
    const [crc, eight] = frames(new WalEncoder().encode(RECORD.crc).encode(RECORD.entry, Buffer.alloc(2)).bytes());
    // Type 4, Crc 0, no Data: 4 bytes, 4 of padding
    expect(crc!.rec).toEqual(Buffer.from([0x08, 4, 0x10, 0]));
    expect(crc!.head).toBe(0x8400000000000004n);
    expect(crc!.pad).toEqual(Buffer.alloc(4));
    // Type 2, Crc (5-byte varint), Data of 2 bytes: 12 bytes, 4 of padding
    expect(eight!.rec.length).toBe(12);
    expect(eight!.head >> 56n).toBe(0x84n);
  });

  it('chains the CRC-32C over the data of all records so far', () => {
    const wal = new WalEncoder().encode(RECORD.entry, Buffer.from('12345')).encode(RECORD.entry, Buffer.from('6789')).bytes();
    const last = frames(wal)[1]!.rec;
    // field 2 (crc) follows field 1 (type): 0x08 0x02 0x10 <varint>
    let crc = 0;
    for (let i = 3, shift = 0; ; i++, shift += 7) {
      crc += (last[i]! & 0x7f) * 2 ** shift;
      if (!(last[i]! & 0x80)) break;
    }
    expect(crc).toBe(0xe3069283); // CRC-32C("123456789"), the algorithm's check value
  });
});

describe('v2 store JSON', () => {
  it('escapes strings as encoding/json does', () => {
    expect(goString('<a&b>\b\f\n')).toBe('"\\u003ca\\u0026b\\u003e\\u0008\\u000c\\n"');
  });

  it('orders map keys as strings even when they look like integers', () => {
    const json = v2StoreJson([{ id: 0x99n, name: 'a', peerURLs: ['http://a:2380'] }, { id: 0x100n, name: 'b', peerURLs: ['http://b:2380'] }]);
    expect(json.indexOf('"100":{"Path"')).toBeLessThan(json.indexOf('"99":{"Path"'));
    expect(json).toContain('"CurrentIndex":2,');
  });
});
