// TypedValue.Validate for an applied configuration: fields the schema does not declare, scalars of
// the wrong type, list items that cannot be named or repeat a key — each error prefixed with its
// path (`.spec.foo: field not declared in schema`), joined as structured-merge-diff joins them.
import { ItemError, listItemPE } from './list-items.js';
import { peString, serializePE } from './path-element.js';
import { deduce, type Atom, type ListType, type MapType, type ScalarType, type Schema, type TypeRef } from './schema-types.js';
import { isObject, type Json } from './values.js';

/** %T of a decoded JSON value. */
function goType(v: Json): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

function scalarError(t: ScalarType, v: Json): string | undefined {
  if (v === null) return undefined;
  const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (t === 'numeric' && typeof v !== 'number') return `expected numeric (int or float), got ${goType(v)}`;
  if (t === 'string' && typeof v !== 'string') return `expected string, got &value.valueUnstructured{Value:${JSON.stringify(v)}}`;
  if (t === 'boolean' && typeof v !== 'boolean') return `expected boolean, got &{${JSON.stringify(v)}}`;
  if (t === 'untyped' && !scalar) return `expected any scalar, got &{${JSON.stringify(v)}}`;
  return undefined;
}

class Validator {
  readonly errors: string[] = [];

  constructor(private readonly schema: Schema) {}

  validate(ref: TypeRef, v: Json, path: string): void {
    const atom = this.schema.resolve(ref);
    if (!atom) return void this.errors.push(`${path}: schema error: no type found matching: ${'named' in ref ? ref.named : 'inlined type'}`);
    this.handle(deduce(atom, v), v, path);
  }

  private handle(a: Atom, v: Json, path: string): void {
    if (a.map) return this.map(a.map, v, path);
    if (a.scalar) {
      const err = scalarError(a.scalar, v);
      return void (err && this.errors.push(`${path}: ${err}`));
    }
    if (a.list) return this.list(a.list, v, path);
  }

  private list(t: ListType, v: Json, path: string): void {
    if (v === null) return;
    if (!Array.isArray(v)) return void this.errors.push(`${path}: expected list, got ${JSON.stringify(v)}`);
    const seen = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      if (t.relationship !== 'associative') {
        this.validate(t.element, v[i]!, `${path}[${i}]`);
        continue;
      }
      let pe;
      try {
        pe = listItemPE(this.schema, t, v[i]!);
      } catch (err) {
        if (!(err instanceof ItemError)) throw err;
        return void this.errors.push(`${path}: element ${i}: ${err.message}`);
      }
      const k = serializePE(pe);
      if (seen.has(k)) this.errors.push(`${path}: duplicate entries for key ${peString(pe)}`);
      seen.add(k);
      this.validate(t.element, v[i]!, `${path}${peString(pe)}`);
    }
  }

  private map(t: MapType, v: Json, path: string): void {
    if (v === null) return;
    if (!isObject(v)) return void this.errors.push(`${path}: expected map, got ${JSON.stringify(v)}`);
    for (const [key, val] of Object.entries(v)) {
      const ref = t.fields.get(key)?.type ?? t.element;
      if (!ref) return void this.errors.push(`${path}.${key}: field not declared in schema`);
      this.validate(ref, val, `${path}.${key}`);
    }
  }
}

/** ValidationErrors.Error() of validating `v`, or undefined when it is valid. */
export function validateValue(schema: Schema, ref: TypeRef, v: Json): string | undefined {
  const w = new Validator(schema);
  w.validate(ref, v, '');
  const errs = w.errors.map((e) => (e.startsWith(': ') ? e.slice(2) : e));
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : ['errors:', ...errs.map((e) => `  ${e}`)].join('\n');
}
