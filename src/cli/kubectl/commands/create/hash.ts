// --append-hash: kubectl's hash.ConfigMapHash / hash.SecretHash — sha256 of the sorted JSON of
// kind, name, data (and type, binaryData), its first ten hex digits with vowels and vowel-like
// digits mapped to consonants.
import { createHash } from 'node:crypto';
import { goJsonQuote } from '../../../../printers/json.js';
import { goStringMapJson } from './go-json.js';

type Data = Record<string, string>;

const SUBSTITUTE: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encodeHash(encoded: string): string {
  const hex = createHash('sha256').update(encoded, 'utf8').digest('hex');
  return [...hex.slice(0, 10)].map((c) => SUBSTITUTE[c] ?? c).join('');
}

export function configMapHash(name: string, data: Data, binaryData: Data): string {
  const binary = Object.keys(binaryData).length > 0 ? `"binaryData":${goStringMapJson(binaryData)},` : '';
  return encodeHash(`{${binary}"data":${goStringMapJson(data)},"kind":"ConfigMap","name":${goJsonQuote(name)}}`);
}

/** data values are base64, as []byte marshals. */
export function secretHash(name: string, type: string, data: Data): string {
  return encodeHash(`{"data":${goStringMapJson(data)},"kind":"Secret","name":${goJsonQuote(name)},"type":${goJsonQuote(type)}}`);
}
