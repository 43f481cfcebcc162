// Objects in the store: JSON values (readable with etcdctl) without resourceVersion, which is the
// key's mod revision and is put back on every read.
import type { KeyValue } from '../../store/index.js';
import type { KObject } from '../types.js';

export function encode(obj: KObject): Buffer {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return Buffer.from(JSON.stringify({ ...obj, metadata }));
}

export function decode(kv: KeyValue): KObject {
  const obj = JSON.parse(kv.value.toString('utf8')) as KObject;
  obj.metadata = { ...obj.metadata, resourceVersion: String(kv.modRevision) };
  return obj;
}
