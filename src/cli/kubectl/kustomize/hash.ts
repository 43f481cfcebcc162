// The name suffix generated ConfigMaps and Secrets get: sha256 of their kind, type and data as
// kustomize's hasher encodes them (its `metadata/name` lookup finds nothing, so the name is
// always ""), the first ten hex digits with 0, 1, 3, a, e replaced by g, h, k, m, t.
import { createHash } from 'node:crypto';
import { goJsonMarshal } from '../../../printers/jsonpath/gojson.js';
import type { Json, Resource } from './resource.js';

const mapOr = (v: unknown): unknown => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : '');

function encoded(obj: Json): string {
  if (obj.kind === 'ConfigMap') {
    const m: Json = { kind: 'ConfigMap', name: '', data: mapOr(obj.data) };
    if (mapOr(obj.binaryData) !== '') m.binaryData = obj.binaryData;
    return goJsonMarshal(m);
  }
  if (obj.kind === 'Secret') {
    const m: Json = { kind: 'Secret', type: typeof obj.type === 'string' ? obj.type : '', name: '', data: mapOr(obj.data) };
    if (mapOr(obj.stringData) !== '') m.stringData = obj.stringData;
    return goJsonMarshal(m);
  }
  return goJsonMarshal(obj);
}

export function hashSuffix(r: Resource): string {
  const hex = createHash('sha256').update(encoded(r.obj)).digest('hex').slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c] ?? c);
}
