// clientcmd.Write and `config view`: api.Config → v1.Config as encoding/json writes it (struct
// field order, omitempty, maps as name-sorted lists, bytes in base64, an empty list as null),
// then YAML with keys sorted (what sigs.k8s.io/yaml makes of that JSON).
import { compareCodePoints, toKubectlJson } from '../../../../printers/json.js';
import { toKubectlYaml } from '../../../../printers/yaml.js';
import { encodeBase64 } from './base64.js';
import { isStruct, RawJson, type Config, type Value } from './model.js';
import { CONFIG, type Field, type GoType, type MapType, type StructType } from './types.js';

type Json = null | boolean | string | number | Json[] | { [k: string]: Json };

function isEmpty(v: Value): boolean {
  if (v === null || v === '' || v === false) return true;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

/** Raw extension JSON as YAMLToJSON hands it over: keys sorted. */
function sortedJson(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortedJson);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort(compareCodePoints).map((k) => [k, sortedJson(v[k]!)]));
}

function encodeMap(v: Value, t: MapType): Json {
  if (!(v instanceof Map)) return null;
  const keys = [...v.keys()].sort(compareCodePoints);
  if (!t.named) return Object.fromEntries(keys.map((k) => [k, encodeValue(v.get(k)!, t.elem)]));
  if (keys.length === 0) return null;
  return keys.map((k) => ({ name: k, [t.named!.key]: encodeValue(v.get(k)!, t.elem) }));
}

function encodeValue(v: Value, t: GoType): Json {
  switch (t.k) {
    case 'string':
      return typeof v === 'string' ? v : '';
    case 'bool':
      return v === true;
    case 'bytes':
      return v instanceof Uint8Array ? encodeBase64(v) : null;
    case 'slice':
      return Array.isArray(v) ? v.map((x) => encodeValue(x, t.elem)) : null;
    case 'map':
      return encodeMap(v, t);
    case 'ptr':
      return v === null ? null : encodeStruct(v, t.elem);
    case 'struct':
      return encodeStruct(v, t);
    case 'object':
      return v instanceof RawJson ? sortedJson(v.json as Json) : null;
  }
}

function omitted(f: Field, v: Value): boolean {
  return (f.v1OmitEmpty ?? f.omitempty) && isEmpty(v);
}

function encodeStruct(v: Value, t: StructType): { [k: string]: Json } {
  const s = isStruct(v) ? v : {};
  const out: { [k: string]: Json } = {};
  for (const f of t.fields) {
    const value = s[f.tag] ?? null;
    if (f.v1 === null || omitted(f, value)) continue;
    out[f.v1] = encodeValue(value, f.type);
  }
  return out;
}

/** The v1.Config object, fields in Go's order, kind and apiVersion set as the codec sets them. */
export function toV1(cfg: Config): { [k: string]: Json } {
  return encodeStruct({ ...cfg, kind: 'Config', apiVersion: 'v1' }, CONFIG);
}

/** What clientcmd writes to a kubeconfig file (and `config view` prints as YAML). */
export function toYaml(cfg: Config): string {
  return toKubectlYaml(toV1(cfg));
}

/** `config view -o json`: struct order, four-space indent. */
export function toJson(cfg: Config): string {
  return toKubectlJson(toV1(cfg), { sortKeys: false });
}
