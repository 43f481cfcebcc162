// The wire schema of the Kubernetes API types (k8s.io/api, k8s.io/apimachinery v0.32): which
// message each served kind is, and each message's fields in Go declaration order with their JSON
// names and Go semantics, from fixtures/protobuf/kube-v1.32-protobuf.json (loaded by src/printers/gotypes), which
// scripts/protobuf-extract.mjs builds from upstream's generated.proto files and Go types.
import { goTypeTables, type GoTypeTables } from '../../printers/gotypes/tables.js';

/** [json, field number, type, flags, Go field name when it is not ucfirst(json)] */
export type SchemaRow = [string, number, string, string, string?];

export interface ProtobufSchemaData {
  kubernetes: string;
  /** apiVersion → package key (`apps/v1`, `rbac/v1`, `core/v1`). */
  groupVersions: Record<string, string>;
  /** meta/v1 kinds accepted under any apiVersion (DeleteOptions). */
  metaKinds: string[];
  kinds: Record<string, string[]>;
  /** `<pkg>.<Name>` → rows, or `list:<type>` for a named Go slice wrapped as { repeated items = 1 }. */
  messages: Record<string, SchemaRow[] | string>;
}

export interface FieldSpec {
  json: string;
  num: number;
  /** A proto scalar, a message key, or a self-marshaling type (`@time`, `@quantity`, ...). */
  type: string;
  repeated: boolean;
  map: boolean;
  pointer: boolean;
  omitempty: boolean;
  inline: boolean;
  goName: string;
}

export interface MessageSpec {
  /** The Go type name, as gogo's error messages give it. */
  name: string;
  fields: FieldSpec[];
  byNum: Map<number, FieldSpec>;
  /** A named Go slice: JSON is the items array (null when empty). */
  list: boolean;
}

let data: ProtobufSchemaData | undefined;
const specs = new Map<string, MessageSpec>();

/** The same parsed file the JSON type checks read (src/printers/gotypes): parsed once per process. */
export function schemaData(): ProtobufSchemaData {
  data ??= goTypeTables() as GoTypeTables & ProtobufSchemaData;
  return data;
}

const ucfirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function fieldSpec([json, num, type, flags, goName]: SchemaRow): FieldSpec {
  return {
    json, num, type,
    repeated: flags.includes('r'), map: flags.includes('m'), pointer: flags.includes('p'),
    omitempty: flags.includes('o'), inline: flags.includes('i'),
    goName: goName ?? ucfirst(json),
  };
}

export function makeSpec(name: string, fields: FieldSpec[], list = false): MessageSpec {
  return { name, fields, byNum: new Map(fields.filter((f) => f.num > 0).map((f) => [f.num, f])), list };
}

/** The compiled spec of a message key (`apps/v1.Deployment`). */
export function messageSpec(key: string): MessageSpec {
  let spec = specs.get(key);
  if (spec) return spec;
  const entry = schemaData().messages[key];
  if (entry === undefined) throw new Error(`no protobuf schema for ${key}`);
  const name = key.slice(key.lastIndexOf('.') + 1);
  spec = typeof entry === 'string'
    ? makeSpec(name, [fieldSpec(['items', 1, entry.slice('list:'.length), 'r'])], true)
    : makeSpec(name, entry.map(fieldSpec));
  specs.set(key, spec);
  return spec;
}

/** The message key of a kind in an apiVersion, or undefined when the scheme does not know it. */
export function kindMessage(apiVersion: string, kind: string): string | undefined {
  const d = schemaData();
  if (d.metaKinds.includes(kind)) return `meta/v1.${kind}`;
  const pkg = d.groupVersions[apiVersion];
  return pkg && d.kinds[pkg]?.includes(kind) ? `${pkg}.${kind}` : undefined;
}
