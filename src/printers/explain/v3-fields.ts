// The field-level parts of kubectl explain's `plaintext` template (pkg/explain/v2/templates/
// plaintext.tmpl): "typeGuess" (`<[]Container>`, `<map[string]string>`, `<Object>`),
// "extractEnum", "fieldDetail" and "fieldList" (the FIELDS block, recursive or with descriptions).
import { sprintData } from '../jsonpath/index.js';
import { contains, listProp, mapProp, prop, resolveRef, schemaAdditional, sortedKeys, truthy, type JsonMap } from './values.js';
import { indent, wrapString } from './wordwrap.js';

/** A schema's `$ref` (the template's `or (index $.schema "$ref") ""`). */
export function refOf(schema: unknown): string {
  const r = prop(schema, '$ref');
  return truthy(r) ? String(r) : '';
}

/** `or (resolveRef $ref $.Document) $.schema`. */
export function resolved(schema: unknown, doc: JsonMap): unknown {
  const r = resolveRef(prop(schema, '$ref'), doc);
  return truthy(r) ? r : schema;
}

/** fmt of a template value: strings as they are, nil as `<no value>`. */
export function show(v: unknown): string {
  return v === undefined ? '<no value>' : sprintData(v, false);
}

function refTypeName(schema: unknown, doc: JsonMap): string {
  const ref = String(prop(schema, '$ref'));
  const target = resolveRef(ref, doc);
  const type = prop(target, 'type');
  if (!truthy(target) || !truthy(type) || type === 'object') {
    const name = ref.split('/').at(-1) ?? '';
    const last = name.split('.').at(-1) ?? '';
    return last === '' ? 'Object' : last;
  }
  return show(type);
}

/** "typeGuess": a short type hint for a field's schema. */
export function typeGuess(schema: unknown, doc: JsonMap): string {
  if (!truthy(schema)) throw new Error("expected schema argument to subtemplate 'typeguess'");
  const items = prop(schema, 'items');
  if (truthy(items)) return `[]${typeGuess(items, doc)}`;
  const additional = schemaAdditional(schema);
  if (additional !== undefined) return `map[string]${typeGuess(additional, doc)}`;
  const allOf = prop(schema, 'allOf');
  if (truthy(allOf) && !truthy(prop(schema, 'properties')) && Array.isArray(allOf) && allOf.length === 1) {
    return typeGuess(allOf[0], doc);
  }
  if (truthy(prop(schema, '$ref'))) return refTypeName(schema, doc);
  const type = prop(schema, 'type');
  if (type === 'object') return 'Object';
  return truthy(type) ? show(type) : 'Object';
}

export interface EnumView {
  long: boolean;
  /** -1: all of them */
  limit: number;
  indentAmount: number;
}

/** "extractEnum": `ENUM:` lines under FIELD, or an `enum: a, b, c, d, ....` line in FIELDS. */
export function extractEnum(schema: unknown, view: EnumView): string {
  if (!truthy(schema)) return '';
  const values = prop(schema, 'enum');
  if (!truthy(values) || !Array.isArray(values)) return '';
  const limit = view.limit === 0 ? -1 : view.limit;
  let out = view.long ? 'ENUM:' : `\n${' '.repeat(view.indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !view.long) out += ', ';
    else if (view.long) out += '\n    ';
    const v = values[i];
    out += v === '' ? '""' : show(v);
  }
  return out;
}

interface FieldArgs {
  name: string;
  /** the schema holding the field in its properties */
  parent: unknown;
  short: boolean;
  level: number;
}

/** "fieldDetail": `name\t<type> -required-`, an enum line, then the wrapped description. */
export function fieldDetail(a: FieldArgs, doc: JsonMap): string {
  const indentAmount = a.level * 2;
  const field = prop(mapProp(a.parent, 'properties'), a.name);
  let out = `${indent(indentAmount, a.name)}\t<${typeGuess(field, doc)}>`;
  if (contains(prop(a.parent, 'required'), a.name)) out += ' -required-';
  out += extractEnum(field, { long: false, limit: 4, indentAmount });
  out += '\n';
  if (!a.short) {
    const desc = prop(field, 'description');
    const text = truthy(desc) ? show(desc) : '<no description>';
    out += `${indent(indentAmount + 2, wrapString(text, 78 - indentAmount))}\n\n`;
  }
  return out;
}

export interface ListArgs {
  schema: unknown;
  level: number;
  recursive: boolean;
  /** the $refs already followed on the way here (cycle guard) */
  history: ReadonlySet<string>;
}

/** "fieldList": every property (sorted), following allOf, items and additionalProperties. */
export function fieldList(a: ListArgs, doc: JsonMap): string {
  const ref = refOf(a.schema);
  if (ref !== '' && a.history.has(ref)) return '';
  const history = new Set(a.history).add(ref);
  const r = resolved(a.schema, doc);
  let out = '';
  const props = mapProp(r, 'properties');
  for (const k of props ? sortedKeys(props) : []) {
    out += fieldDetail({ name: k, parent: r, short: a.recursive, level: a.level }, doc);
    if (a.recursive) out += fieldList({ ...a, schema: props![k], level: a.level + 1, history }, doc);
  }
  for (const sub of listProp(r, 'allOf')) out += fieldList({ ...a, schema: sub, history }, doc);
  const items = prop(r, 'items');
  if (truthy(items)) out += fieldList({ ...a, schema: items, history }, doc);
  const additional = schemaAdditional(r);
  if (additional !== undefined) out += fieldList({ ...a, schema: additional, history }, doc);
  return out;
}
