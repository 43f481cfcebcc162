// kubectl explain's `plaintext` rendering (pkg/explain/v2, templates/plaintext.tmpl) of one
// group-version's OpenAPI v3 document: the GROUP/KIND/VERSION header found from the resource's
// paths, then "schema" → "output" following the field path, DESCRIPTION and FIELDS.
// As with Go's template writing straight to stdout, a failure after the header leaves the
// header printed: the result carries the text written so far and the error.
import { sprintData } from '../jsonpath/index.js';
import { extractEnum, fieldList, refOf, resolved, show, typeGuess } from './v3-fields.js';
import { contains, listProp, mapProp, prop, schemaAdditional, sortedKeys, truthy, type JsonMap } from './values.js';
import { indent, wrapString } from './wordwrap.js';

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

export interface RenderResult {
  /** what reached stdout */
  text: string;
  /** the error kubectl reports after it, worded completely (`error: …`) */
  error?: string;
}

/** schema.GroupVersionResource.String(): `apps/v1, Resource=deployments`. */
export const gvrString = (g: Gvr): string => `${g.group}/${g.version}, Resource=${g.resource}`;

/** "description": the schema's description, then those of its allOf, items and map values. */
function description(schema: unknown, doc: JsonMap): string {
  const r = resolved(schema, doc);
  if (!truthy(r)) return '';
  let out = '';
  const d = prop(r, 'description');
  if (truthy(d)) out += `${show(d)}\n`;
  for (const sub of listProp(r, 'allOf')) out += description(sub, doc);
  const items = prop(r, 'items');
  if (truthy(items)) out += description(items, doc);
  const additional = schemaAdditional(r);
  if (additional !== undefined) out += description(additional, doc);
  return out;
}

interface OutputArgs {
  schema: unknown;
  history: ReadonlySet<string>;
  path: readonly string[];
  recursive: boolean;
}

function describeHere(r: unknown, recursive: boolean, doc: JsonMap): string {
  const d = description(r, doc);
  let out = `DESCRIPTION:\n${indent(4, wrapString(d === '' ? '<empty>' : d, 76))}\n`;
  const fields = fieldList({ schema: r, level: 1, recursive, history: new Set() }, doc);
  if (fields !== '') out += `FIELDS:\n${fields}`;
  return out;
}

function fieldHeader(name: string, sub: unknown, doc: JsonMap): string {
  return `FIELD: ${name} <${typeGuess(sub, doc)}>\n${extractEnum(sub, { long: true, limit: -1, indentAmount: 0 })}\n\n`;
}

/** "output": follows the field path; empty when it leads nowhere. */
function output(a: OutputArgs, doc: JsonMap): string {
  const ref = refOf(a.schema);
  const history = new Set(a.history).add(ref);
  const r = resolved(a.schema, doc);
  if (a.path.length === 0) return describeHere(r, a.recursive, doc);
  if (ref !== '' && a.history.has(ref)) return '';
  const first = a.path[0]!;
  const props = prop(r, 'properties');
  const sub = prop(props, first);
  if (truthy(props) && truthy(sub)) {
    const head = a.path.length === 1 ? fieldHeader(first, sub, doc) : '';
    return head + output({ ...a, schema: sub, history: new Set(), path: a.path.slice(1) }, doc);
  }
  const items = prop(r, 'items');
  if (truthy(items)) return output({ ...a, schema: items, history }, doc);
  const additional = schemaAdditional(r);
  if (additional !== undefined) return output({ ...a, schema: additional, history }, doc);
  for (const alt of listProp(r, 'allOf')) {
    const out = output({ ...a, schema: alt, history }, doc);
    if (out !== '') return out;
  }
  return '';
}

/** The x-kubernetes-group-version-kind of the resource's list or item operations. */
function findGvk(doc: JsonMap, gvr: Gvr): unknown {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const base = `${prefix}/${gvr.version}`;
  const ns = `${base}/namespaces/{namespace}/${gvr.resource}`;
  const paths = mapProp(doc, 'paths');
  let gvk: unknown = '';
  for (const p of [`${base}/${gvr.resource}`, `${base}/${gvr.resource}/{name}`, ns, `${ns}/{name}`]) {
    const element = prop(paths, p);
    if (!truthy(element)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = prop(element, method);
      if (!truthy(op)) continue;
      gvk = prop(op, 'x-kubernetes-group-version-kind');
      if (truthy(gvk)) break;
    }
  }
  return gvk;
}

/** "schema": the component carrying this GVK, explained along the field path. */
function explainKind(doc: JsonMap, gvk: unknown, path: readonly string[], recursive: boolean): RenderResult {
  const schemas = mapProp(mapProp(doc, 'components'), 'schemas') ?? {};
  for (const name of sortedKeys(schemas)) {
    const schema = schemas[name];
    if (!contains(prop(schema, 'x-kubernetes-group-version-kind'), gvk)) continue;
    const out = output({ schema, history: new Set(), path, recursive }, doc);
    if (out === '') return { text: '', error: `error: field "${path.at(-1) ?? ''}" does not exist` };
    return { text: out };
  }
  return { text: '', error: `error: GVK ${sprintData(gvk, false)} not found in OpenAPI schema` };
}

function header(gvk: unknown): string {
  const group = prop(gvk, 'group');
  const g = truthy(group) ? `GROUP:      ${show(group)}\n` : '';
  return `${g}KIND:       ${show(prop(gvk, 'kind'))}\nVERSION:    ${show(prop(gvk, 'version'))}\n\n`;
}

/** The whole `plaintext` template for one resource and field path. */
export function renderPlaintext(doc: JsonMap, gvr: Gvr, path: readonly string[], recursive: boolean): RenderResult {
  const gvk = findGvk(doc, gvr);
  if (!truthy(gvk)) return { text: '', error: `error: GVR (${gvrString(gvr)}) not found in OpenAPI schema` };
  const head = header(gvk);
  let body: RenderResult;
  try {
    body = explainKind(doc, gvk, path, recursive);
  } catch (err) {
    body = { text: '', error: (err as Error).message };
  }
  if (body.error !== undefined) return { text: head, error: body.error };
  return { text: `${head}${body.text}\n` };
}
