// Go's encoding/json over etcd's gogo-generated structs: proto field names, declaration order,
// zero values omitted (omitempty), 64-bit integers as bare numbers, bytes as base64, oneofs as
// {"<Oneof>":{"<Field>":...}}.
import type { PackageDefinition } from '@grpc/proto-loader';
import type { FieldDescriptor, MessageDescriptor } from '../../../shared/proto-descriptor.js';

/** Messages whose fields all sit in one oneof (the descriptors do not say which reliably). */
const ONEOFS: Record<string, string> = { ResponseOp: 'Response', RequestOp: 'Request' };

function camel(name: string): string {
  return name.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

export class PbJson {
  constructor(private readonly def: PackageDefinition) {}

  private descriptor(typeName: string): MessageDescriptor {
    for (const candidate of [typeName, `etcdserverpb.${typeName}`, `mvccpb.${typeName}`, `authpb.${typeName}`]) {
      const entry = this.def[candidate] as { type?: MessageDescriptor } | undefined;
      if (entry?.type !== undefined) return entry.type;
    }
    throw new Error(`unknown message type ${typeName}`);
  }

  private scalar(f: FieldDescriptor, v: unknown): string | undefined {
    switch (f.type) {
      case 'TYPE_BYTES': {
        const b = v as Buffer;
        return b.length === 0 ? undefined : JSON.stringify(b.toString('base64'));
      }
      case 'TYPE_STRING':
        return v === '' ? undefined : JSON.stringify(v);
      case 'TYPE_BOOL':
        return v === true ? 'true' : undefined;
      case 'TYPE_MESSAGE':
        return this.message(f.typeName, v as Record<string, unknown>);
      default:
        return String(v) === '0' ? undefined : String(v);
    }
  }

  private value(f: FieldDescriptor, v: unknown): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (f.label === 'LABEL_REPEATED') {
      const items = v as unknown[];
      if (items.length === 0) return undefined;
      const one = { ...f, label: 'LABEL_OPTIONAL' };
      return `[${items.map((item) => this.scalar(one, item) ?? (f.type === 'TYPE_MESSAGE' ? '{}' : this.zero(f))).join(',')}]`;
    }
    return this.scalar(f, v);
  }

  private zero(f: FieldDescriptor): string {
    return f.type === 'TYPE_STRING' || f.type === 'TYPE_BYTES' ? '""' : f.type === 'TYPE_BOOL' ? 'false' : '0';
  }

  /** The JSON text of `obj`, a decoded message of `typeName`. */
  message(typeName: string, obj: Record<string, unknown>): string {
    const d = this.descriptor(typeName);
    const oneof = ONEOFS[d.name ?? ''];
    if (oneof !== undefined) {
      const set = d.field.find((f) => obj[f.name] !== undefined && obj[f.name] !== null);
      if (set === undefined) return '{}';
      const inner = this.scalar({ ...set, label: 'LABEL_OPTIONAL' }, obj[set.name]) ?? '{}';
      return `{"${oneof}":{"${camel(set.name)}":${inner}}}`;
    }
    const parts: string[] = [];
    for (const f of d.field) {
      const text = this.value(f, obj[f.name]);
      if (text !== undefined) parts.push(`${JSON.stringify(f.name)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
}
