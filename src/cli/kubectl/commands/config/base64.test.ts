// Go's base64.StdEncoding, as `kubectl config set users.u.client-key-data <value>` shows it: the
// value it stores (read back with `config view --raw -o jsonpath=…`) or the offset it rejects.
// Captured from kubectl v1.32.4 with:
//   kubectl config set users.u.client-key-data "$v"
//   kubectl config view --raw -o jsonpath='{.users[0].user.client-key-data}'
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';

const CASES: Array<[input: string, stored: string | number]> = [
  ['QUJD', 'QUJD'],
  ['QUJ', 0],
  ['QU', 0],
  ['Q', 0],
  ['QUJDRA==', 'QUJDRA=='],
  ['QUJDRA=', 7],
  ['QUJDRA', 4],
  ['QUJD=', 4],
  ['=QUJD', 0],
  ['QU=D', 2],
  ['QUJ=', 'QUI='],
  ['QUJD RA==', 4],
  ['QUJD\nRA==', 'QUJDRA=='],
  ['QUJDRA==x', 8],
  ['QUJDRA==\n', 'QUJDRA=='],
  ['QUJDRA=x', 6],
  ['QU==QU==', 4],
  ['aGVsbG8=', 'aGVsbG8='],
  ['a-b_', 1],
  ['!!!', 0],
];

describe('decodeBase64 (Go StdEncoding)', () => {
  for (const [input, stored] of CASES) {
    it(JSON.stringify(input), () => {
      if (typeof stored === 'number') {
        expect(() => decodeBase64(input)).toThrow(`illegal base64 data at input byte ${stored}`);
      } else {
        expect(encodeBase64(decodeBase64(input))).toBe(stored);
      }
    });
  }
});
