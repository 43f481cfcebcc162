// kubectl explain --output=plaintext-openapiv2 (kubectl pkg/explain): the model printer
// (KIND/VERSION, RESOURCE or FIELD, DESCRIPTION gathered along references, arrays and maps,
// FIELDS) and its two field printers, with descriptions or as a recursive tree.
import { goQuote } from '../jsonpath/index.js';
import { Formatter } from './v2-format.js';
import { FieldNotFound, fieldOf, groupVersion, gvkString, V2Models, type Gvk, type V2Node } from './v2-model.js';
import { sortedKeys, type JsonMap } from './values.js';
import type { RenderResult } from './v3.js';

function regularFields(m: V2Models, f: Formatter, node: V2Node): void {
  if (node.t === 'array' || node.t === 'map') return regularFields(m, f, node.sub);
  if (node.t === 'ref') return regularFields(m, f, m.model(node.ref));
  if (node.t !== 'kind') return;
  for (const key of sortedKeys(node.fields)) {
    const field = fieldOf(node, key);
    const required = node.required.includes(key) ? ' -required-' : '';
    f.write(`${key}\t<${m.typeName(field)}>${required}`);
    f.indent(2).writeWrapped(field.desc);
    f.write('');
  }
}

function recursiveFields(m: V2Models, f: Formatter, node: V2Node, visited: Set<string>): void {
  if (node.t === 'array' || node.t === 'map') return recursiveFields(m, f, node.sub, visited);
  if (node.t === 'ref') {
    if (visited.has(node.ref)) return;
    visited.add(node.ref);
    recursiveFields(m, f, m.model(node.ref), visited);
    visited.delete(node.ref);
    return;
  }
  if (node.t !== 'kind') return;
  for (const key of sortedKeys(node.fields)) {
    const field = fieldOf(node, key);
    f.write(`${key}\t<${m.typeName(field)}>`);
    recursiveFields(m, f.indent(3), field, visited);
  }
}

interface ModelState {
  name: string;
  type: string;
  descriptions: string[];
  gvk: Gvk;
  recursive: boolean;
}

function printDescription(f: Formatter, s: ModelState, node: V2Node): void {
  f.write('DESCRIPTION:');
  let empty = true;
  [...s.descriptions, node.desc].forEach((desc, i) => {
    if (desc === '') return;
    empty = false;
    if (i !== 0) f.write('');
    f.indent(5).writeWrapped(desc);
  });
  if (empty) f.indent(5).writeWrapped('<empty>');
}

function kindAndVersion(f: Formatter, gvk: Gvk): void {
  f.write(`KIND:     ${gvk.kind}`);
  f.write(`VERSION:  ${groupVersion(gvk)}\n`);
}

/** modelPrinter: walks to the first kind, primitive or arbitrary value and prints it. */
function printModel(m: V2Models, f: Formatter, s: ModelState, node: V2Node): void {
  if (node.t === 'array' || node.t === 'map') {
    s.descriptions.push(node.desc);
    if (s.type === '') s.type = m.typeName(node);
    return printModel(m, f, s, node.sub);
  }
  if (node.t === 'ref') {
    s.descriptions.push(node.desc);
    return printModel(m, f, s, m.model(node.ref));
  }
  kindAndVersion(f, s.gvk);
  if (node.t === 'arbitrary') return printDescription(f, s, node);
  if (s.type === '') s.type = m.typeName(node);
  if (node.t === 'primitive') {
    f.write(`FIELD:    ${s.name} <${s.type}>\n`);
    return printDescription(f, s, node);
  }
  if (s.name !== '') f.write(`RESOURCE: ${s.name} <${s.type}>\n`);
  printDescription(f, s, node);
  f.write('\nFIELDS:');
  if (s.recursive) recursiveFields(m, f.indent(3), node, new Set());
  else regularFields(m, f.indent(3), node);
}

/** explain.PrintModelDescription on a /openapi/v2 document. */
export function renderPlaintextV2(doc: JsonMap, gvk: Gvk, path: readonly string[], recursive: boolean): RenderResult {
  const models = new V2Models(doc);
  const model = models.lookupResource(gvk);
  if (!model) return { text: '', error: `couldn't find resource for ${goQuote(gvkString(gvk))}` };
  let node: V2Node;
  try {
    node = models.lookupField(model, path);
  } catch (err) {
    if (err instanceof FieldNotFound) return { text: '', error: `field ${goQuote(err.field)} does not exist` };
    throw err;
  }
  const sink = { text: '' };
  const state: ModelState = { name: path.at(-1) ?? '', type: '', descriptions: [], gvk, recursive };
  printModel(models, new Formatter(sink), state, node);
  return { text: sink.text };
}
