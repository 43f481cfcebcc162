// Key ranges as clientv3's WithPrefix / WithFromKey / WithRange build them.
import { prefixRangeEnd } from '../printers/simple-auth.js';

export interface KeyRange {
  key: Buffer;
  range_end?: Buffer;
}

export function keyRange(key: string, end: string | undefined, prefix: boolean, fromKey: boolean): KeyRange {
  let k = Buffer.from(key);
  // an empty range_end is not sent (Go's proto leaves empty bytes out): sent empty, etcd's index
  // would read it as [key, end of keyspace)
  let range_end: Buffer | undefined = end !== undefined && end !== '' ? Buffer.from(end) : undefined;
  if (prefix) {
    if (k.length === 0) {
      k = Buffer.from([0]);
      range_end = Buffer.from([0]);
    } else {
      range_end = prefixRangeEnd(k);
    }
  }
  if (fromKey) {
    if (k.length === 0) k = Buffer.from([0]);
    range_end = Buffer.from([0]);
  }
  return range_end === undefined ? { key: k } : { key: k, range_end: range_end };
}
