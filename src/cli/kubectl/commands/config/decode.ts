// clientcmd.Load: kubeconfig bytes → YAML → JSON → v1.Config (encoding/json: case-sensitive tags,
// unknown fields ignored, the first type error in key order reported word for word) → api.Config
// (named lists become maps; a repeated name is an error), with v1's defaults applied.
import { decodeBase64 } from './base64.js';
import { goSprintNamedList } from './go-format.js';
import { newConfig, newStruct, RawJson, type Config, type Struct, type Value } from './model.js';
import { CONFIG, goTypeName, type GoType, type MapType, type StructType } from './types.js';
import { jsonKind, yamlToJson } from './yaml-json.js';

const GVK_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
const SCHEME = 'k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50';

/** Where a value sits, for encoding/json's error text. */
interface Where {
  struct: string;
  path: string[];
}

function typeError(value: unknown, t: GoType | string, at: Where): Error {
  const type = typeof t === 'string' ? t : goTypeName(t, 'v1');
  const into = at.struct || at.path.length > 0 ? `Go struct field ${at.struct}.${at.path.join('.')}` : 'Go value';
  return new Error(`json: cannot unmarshal ${jsonKind(value)} into ${into} of type ${type}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function decodeScalar(json: unknown, t: GoType, at: Where): Value {
  if (t.k === 'string' && typeof json === 'string') return json;
  if (t.k === 'bool' && typeof json === 'boolean') return json;
  if (t.k === 'bytes' && typeof json === 'string') return decodeBase64(json);
  throw typeError(json, t, at);
}

function decodeMap(json: unknown, t: MapType, at: Where): Value {
  if (t.named) return decodeNamed(json, t, at);
  if (!isObject(json)) throw typeError(json, t, at);
  return new Map(sortedKeys(json).map((k) => [k, decodeValue(json[k], t.elem, at, null)]));
}

/** One {name, <key>: value} item of a v1 named list, its keys in order as encoding/json meets them. */
function decodeNamedItem(item: Record<string, unknown>, t: MapType, at: Where): [string, Value] {
  const { key, type } = t.named!;
  let name = '';
  let value: Value = t.elem.k === 'object' ? new RawJson(null) : decodeValue(undefined, t.elem, at, null);
  for (const k of sortedKeys(item)) {
    const where = { struct: type, path: [...at.path, k] };
    if (k === 'name' && item.name !== null) name = decodeScalar(item.name, { k: 'string' }, where) as string;
    if (k === key) value = t.elem.k === 'object' ? new RawJson(item[k]) : decodeValue(item[k], t.elem, where, null);
  }
  return [name, value];
}

function duplicateError(name: string, items: Array<[string, Value]>, t: MapType): Error {
  const type = t.named!.type;
  const into = t.elem.k === 'object' ? 'runtime.Object' : `*api.${type.replace('Named', '')}`;
  return new Error(`error converting *[]${type} into *map[string]${into}: duplicate name "${name}" in list: ${goSprintNamedList(items, t)}`);
}

/** A v1 named list ([]NamedCluster…) into the name-keyed map, refusing repeated names. */
function decodeNamed(json: unknown, t: MapType, at: Where): Value {
  if (!Array.isArray(json)) throw typeError(json, t, at);
  const items = json.map((item): [string, Value] => {
    if (item !== null && !isObject(item)) throw typeError(item, `v1.${t.named!.type}`, at);
    return decodeNamedItem(item ?? {}, t, at);
  });
  const out = new Map<string, Value>();
  for (const [name, value] of items) {
    if (out.has(name)) throw duplicateError(name, items, t);
    out.set(name, value);
  }
  return out;
}

function decodeSlice(json: unknown, t: GoType & { k: 'slice' }, at: Where): Value {
  if (!Array.isArray(json)) throw typeError(json, t, at);
  return json.map((item) => decodeValue(item, t.elem, at, null) ?? zeroOf(t.elem));
}

function zeroOf(t: GoType): Value {
  return t.k === 'struct' ? newStruct(t) : t.k === 'string' ? '' : t.k === 'bool' ? false : null;
}

/** json.Unmarshal of one value into a field of type t; null leaves `prior` as it was. */
function decodeValue(json: unknown, t: GoType, at: Where, prior: Value): Value {
  if (json === null || json === undefined) return t.k === 'struct' && prior === null ? newStruct(t) : prior;
  switch (t.k) {
    case 'struct':
      return decodeStruct(json, t, at);
    case 'ptr':
      return decodeStruct(json, t.elem, at);
    case 'map':
      return decodeMap(json, t, at);
    case 'slice':
      return decodeSlice(json, t, at);
    case 'object':
      return new RawJson(json);
    default:
      return decodeScalar(json, t, at);
  }
}

function decodeStruct(json: unknown, t: StructType, at: Where): Struct {
  if (!isObject(json)) throw typeError(json, t, at);
  const out = newStruct(t);
  for (const key of sortedKeys(json)) {
    const field = t.fields.find((f) => f.v1 === key);
    if (!field) continue;
    out[field.tag] = decodeValue(json[key], field.type, { struct: t.name, path: [...at.path, key] }, out[field.tag] ?? null);
  }
  return out;
}

/** SetDefaults_ExecConfig: old exec API versions default to IfAvailable. */
function applyDefaults(cfg: Config): void {
  for (const user of cfg.users.values()) {
    const exec = user.exec as Struct | null;
    if (!exec || exec.interactiveMode !== '') continue;
    if (exec.apiVersion === 'client.authentication.k8s.io/v1beta1' || exec.apiVersion === 'client.authentication.k8s.io/v1alpha1') {
      exec.interactiveMode = 'IfAvailable';
    }
  }
}

/** The serializer's version/kind sniffing, then the scheme's check of them. */
function checkKind(json: unknown): void {
  if (json === null) return;
  if (!isObject(json)) throw new Error(`couldn't get version/kind; json parse error: ${typeError(json, GVK_STRUCT, { struct: '', path: [] }).message}`);
  for (const key of ['apiVersion', 'kind']) {
    const v = json[key];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw new Error(`couldn't get version/kind; json parse error: ${typeError(v, 'string', { struct: '', path: [key] }).message}`);
    }
  }
  const kind = (json.kind as string | undefined) || 'Config';
  const version = (json.apiVersion as string | undefined) || 'v1';
  if (kind !== 'Config' || version !== 'v1') throw new Error(`no kind "${kind}" is registered for version "${version}" in scheme "${SCHEME}"`);
}

/** clientcmd.Load: the config in the bytes of a kubeconfig file. */
export function decodeConfig(text: string): Config {
  if (text.length === 0) return newConfig();
  return decodeConfigJson(yamlToJson(text));
}

/** clientcmd.Load from the file's YAML read as JSON. */
export function decodeConfigJson(json: unknown): Config {
  checkKind(json);
  if (json === null) return newConfig();
  const cfg = decodeStruct(json, CONFIG, { struct: '', path: [] }) as Config;
  applyDefaults(cfg);
  return cfg;
}
