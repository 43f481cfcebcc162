// strategicpatch's LookupPatchMeta as PatchMetaFromOpenAPIV3 implements it: walk an OpenAPI
// schema (v3 `#/components/schemas/…` or v2 `#/definitions/…` references, allOf's first entry)
// field by field, reading `x-kubernetes-patch-strategy` and `x-kubernetes-patch-merge-key`.

export interface PatchMeta {
  strategies: string[];
  mergeKey: string;
}

export interface Lookup {
  /** the schema of a map-valued field and its patch metadata; throws for an unknown field */
  forStruct(key: string): { schema: Lookup; meta: PatchMeta };
  /** the schema of a list field's items and the field's patch metadata */
  forSlice(key: string): { schema: Lookup; meta: PatchMeta };
  /** the schema's type name, for error messages */
  name(): string;
}

export interface OpenApiSchema {
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  $ref?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-group-version-kind'?: unknown;
}

export type SchemaTable = Record<string, OpenApiSchema>;

export class LookupError extends Error {}

const REF_PREFIXES = ['#/components/schemas/', '#/definitions/'];

function resolve(s: OpenApiSchema, table: SchemaTable): OpenApiSchema {
  let out = s.allOf && s.allOf.length > 0 ? s.allOf[0]! : s;
  const ref = out.$ref;
  if (ref) {
    const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
    const found = table[prefix ? ref.slice(prefix.length) : ref];
    if (!found) throw new LookupError(`unable to resolve ${ref} in OpenAPI V3`);
    out = found;
  }
  return out;
}

function metaOf(s: OpenApiSchema): PatchMeta {
  const strategy = s['x-kubernetes-patch-strategy'];
  return { strategies: strategy ? strategy.split(',') : [], mergeKey: s['x-kubernetes-patch-merge-key'] ?? '' };
}

/** PatchMetaFromOpenAPIV3. */
export class OpenApiLookup implements Lookup {
  constructor(private readonly schema: OpenApiSchema | undefined, private readonly table: SchemaTable) {}

  private traverse(key: string): OpenApiSchema | undefined {
    if (!this.schema) return undefined;
    const props = this.schema.properties ?? {};
    const sub = Object.keys(props).length === 0 ? undefined : props[key];
    if (!sub) throw new LookupError(`unable to find api field ${JSON.stringify(key)}`);
    return sub;
  }

  forStruct(key: string): { schema: Lookup; meta: PatchMeta } {
    const sub = this.traverse(key);
    if (!sub) return { schema: new OpenApiLookup(undefined, this.table), meta: { strategies: [], mergeKey: '' } };
    return { schema: new OpenApiLookup(resolve(sub, this.table), this.table), meta: metaOf(sub) };
  }

  forSlice(key: string): { schema: Lookup; meta: PatchMeta } {
    const sub = this.traverse(key);
    if (!sub) return { schema: new OpenApiLookup(undefined, this.table), meta: { strategies: [], mergeKey: '' } };
    const items = sub.items ?? sub;
    return { schema: new OpenApiLookup(resolve(items, this.table), this.table), meta: metaOf(sub) };
  }

  name(): string {
    const t = this.schema?.type;
    if (Array.isArray(t) && t.length > 0) return t.join('');
    if (typeof t === 'string' && t !== '') return t;
    return 'Struct';
  }
}

/** extractRetainKeysPatchStrategy: whether retainKeys is asked for, and the other strategy. */
export function splitStrategies(strategies: string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0]! };
  }
  if (strategies.length === 2) {
    if (strategies[0] === 'retainKeys') return { retainKeys: true, strategy: strategies[1]! };
    if (strategies[1] === 'retainKeys') return { retainKeys: true, strategy: strategies[0]! };
  }
  throw new Error(`unexpected patch strategy: [${strategies.join(' ')}]`);
}
