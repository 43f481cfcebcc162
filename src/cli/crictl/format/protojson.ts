// protojson.MarshalOptions{EmitDefaultValues: true} over the messages the CRI client returns:
// fields in .proto order, int64 as strings, enums by name, map keys sorted, unset messages left
// out. The field list comes from the loaded api.proto descriptors.
import { loadCriProto } from '../../../client/cri/client.js';
import type { FieldDescriptor, MessageDescriptor } from '../../shared/proto-descriptor.js';

type Defs = Record<string, { type?: MessageDescriptor } | undefined>;

const LONGS = new Set(['TYPE_INT64', 'TYPE_UINT64', 'TYPE_SINT64', 'TYPE_FIXED64', 'TYPE_SFIXED64']);

export class ProtoJson {
  constructor(private readonly defs: Defs) {}

  static async load(): Promise<ProtoJson> {
    const proto = await loadCriProto();
    return new ProtoJson(proto.def as unknown as Defs);
  }

  private lookup(scope: string, typeName: string): { full: string; desc: MessageDescriptor } | undefined {
    const name = typeName.replace(/^\./, '');
    for (const full of [`${scope}.${name}`, name, `runtime.v1.${name}`]) {
      const desc = this.defs[full]?.type;
      if (desc) return { full, desc };
    }
    return undefined;
  }

  private nested(scope: string, typeName: string): (MessageDescriptor & { options?: { mapEntry?: boolean } | null }) | undefined {
    const parent = this.defs[scope]?.type;
    return parent?.nestedType?.find((n) => n.name === typeName);
  }

  /** The JSON names of a message's fields, in .proto order (Go's struct field order). */
  fieldNames(typeName: string): string[] {
    return this.lookup('runtime.v1', typeName)?.desc.field.map((f) => f.name) ?? [];
  }

  /** The protojson value of message `msg` of type `typeName` (e.g. "runtime.v1.Container"). */
  message(typeName: string, msg: unknown): Record<string, unknown> {
    const found = this.lookup('runtime.v1', typeName);
    if (!found) return {};
    const obj = (msg ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const f of found.desc.field) {
      const v = this.field(found.full, f, obj[f.name]);
      if (v !== undefined) out[f.name] = v;
    }
    return out;
  }

  private field(scope: string, f: FieldDescriptor, v: unknown): unknown {
    if (f.type === 'TYPE_MESSAGE') {
      const entry = this.nested(scope, f.typeName);
      if (entry?.options?.mapEntry) return this.map(v);
      if (f.label === 'LABEL_REPEATED') return ((v as unknown[] | null) ?? []).map((x) => this.messageIn(scope, f.typeName, x));
      if (v === null || v === undefined) return undefined;
      return this.messageIn(scope, f.typeName, v);
    }
    if (f.label === 'LABEL_REPEATED') return ((v as unknown[] | null) ?? []).map((x) => scalar(f.type, x));
    return scalar(f.type, v);
  }

  private messageIn(scope: string, typeName: string, v: unknown): Record<string, unknown> {
    const found = this.lookup(scope, typeName);
    return found ? this.message(found.full, v) : {};
  }

  /** A decoded Go-JSON config (snake_case keys, matched case-insensitively) as a request message. */
  fromGoJson(typeName: string, raw: unknown): Record<string, unknown> {
    const found = this.lookup('runtime.v1', typeName);
    const obj = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    if (!found) return out;
    for (const [key, value] of Object.entries(obj)) {
      const f = found.desc.field.find((x) => snake(x.name).toLowerCase() === key.toLowerCase());
      if (f) out[f.name] = this.fieldFromGo(found.full, f, value);
    }
    return out;
  }

  private fieldFromGo(scope: string, f: FieldDescriptor, v: unknown): unknown {
    if (f.type !== 'TYPE_MESSAGE' || v === null || v === undefined) return v;
    if (this.nested(scope, f.typeName)?.options?.mapEntry) return v;
    const typeName = this.lookup(scope, f.typeName)?.full ?? f.typeName;
    if (f.label === 'LABEL_REPEATED') return Array.isArray(v) ? v.map((x) => this.fromGoJson(typeName, x)) : v;
    return this.fromGoJson(typeName, v);
  }

  /** A JSON schema of a message and the messages it uses, keyed as Go's JSON tags (snake_case). */
  jsonSchema(typeName: string): Record<string, unknown> {
    const defs: Record<string, unknown> = {};
    const visit = (full: string): string => {
      const short = full.split('.').pop()!;
      if (defs[short] !== undefined) return short;
      const found = this.lookup('runtime.v1', full);
      defs[short] = {};
      const properties: Record<string, unknown> = {};
      for (const f of found?.desc.field ?? []) properties[snake(f.name)] = this.schemaOf(found!.full, f, visit);
      defs[short] = { properties, additionalProperties: false, type: 'object' };
      return short;
    };
    const root = visit(`runtime.v1.${typeName}`);
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: `#/$defs/${root}`, $defs: defs };
  }

  private schemaOf(scope: string, f: FieldDescriptor, visit: (full: string) => string): unknown {
    let item: unknown;
    if (f.type === 'TYPE_MESSAGE') {
      if (this.nested(scope, f.typeName)?.options?.mapEntry) return { additionalProperties: { type: 'string' }, type: 'object' };
      item = { $ref: `#/$defs/${visit(this.lookup(scope, f.typeName)?.full ?? f.typeName)}` };
    } else if (f.type === 'TYPE_STRING' || f.type === 'TYPE_BYTES') item = { type: 'string' };
    else if (f.type === 'TYPE_BOOL') item = { type: 'boolean' };
    else item = { type: 'integer' };
    return f.label === 'LABEL_REPEATED' ? { items: item, type: 'array' } : item;
  }

  private map(v: unknown): Record<string, unknown> {
    const m = (v ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = m[k];
    return out;
  }
}

function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function scalar(type: string, v: unknown): unknown {
  if (LONGS.has(type)) return String(v ?? '0');
  if (type === 'TYPE_BYTES') return Buffer.isBuffer(v) ? v.toString('base64') : '';
  if (type === 'TYPE_BOOL') return v === true;
  if (type === 'TYPE_STRING') return typeof v === 'string' ? v : '';
  if (type === 'TYPE_ENUM') return v ?? 0;
  return typeof v === 'number' ? v : Number(v ?? 0);
}
