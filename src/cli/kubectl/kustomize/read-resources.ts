// A resource file's objects as kustomize's resource factory reads them (RNodesFromBytes):
//   kio.FromBytes: the documents, null ones skipped; a file that is one List or ResourceList with
//     `items` (or `functionConfig`) is unwrapped into its items;
//   dropBadNodes: empty nodes ({}, [], null) skipped, every other one must pass kyaml's
//     GetValidatedMetadata (a kind; a metadata.name unless the kind ends in List);
//   inlineAnyEmbeddedLists: a FooList with items is replaced by them (each marshalled to JSON and
//     read again as above), queued after the nodes still to come.
// GetMeta reads scalars as go-yaml v3 nodes hold them (their text), so its errors print the
// ResourceMeta struct with %v: `{{apiVersion kind} {{name namespace} map[labels] map[annotations]}}`.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document } from 'yaml';
import { goYamlMessage, sortedJson } from '../../../printers/yaml/go-yaml-read.js';
import { decodeErrors, duplicateKeyError } from './duplicate-keys.js';
import { KustomizeYamlError, nodeText, type Json } from './yaml.js';

type YNode = unknown;
/** A resource's node: a document's contents, or an item of a List document, with its source. */
interface DocNode { doc: Document; node: YNode; text?: string; item?: boolean }

/** An object read, and the error writing it out will meet (a repeated key), if any. */
export interface ReadObject { obj: Json; writeError?: string }

interface ResourceMeta {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  labels?: Map<string, string>;
  annotations?: Map<string, string>;
}

function deref({ doc, node }: DocNode): YNode {
  return isAlias(node) ? node.resolve(doc) : node;
}

const isNull = (n: YNode): boolean => n === null || n === undefined || (isScalar(n) && n.value === null);

/** IsYNodeNilOrEmpty: null, a null-tagged scalar, an empty mapping or sequence. */
function nilOrEmpty(n: YNode): boolean {
  return isNull(n) || (isMap(n) && n.items.length === 0) || (isSeq(n) && n.items.length === 0);
}

const text = nodeText;

/** GetValue: '' for a missing or null node. */
const getValue = (n: YNode): string => (isNull(n) ? '' : text(n));

/** RNode.Field: the first pair whose key's text is name (mappings only). */
function field(d: DocNode, name: string): DocNode | undefined {
  const n = deref(d);
  if (!isMap(n)) return undefined;
  for (const p of n.items) {
    if (isPair(p) && p.key !== null && text(p.key) === name) return { doc: d.doc, node: p.value };
  }
  return undefined;
}

/** A mapping's fields as VisitFields sees them: each key once, with its first value. */
function stringMap(d: DocNode): Map<string, string> {
  const out = new Map<string, string>();
  const n = deref(d);
  if (!isMap(n)) return out;
  const seen = new Set<string>();
  for (const p of n.items) {
    if (!isPair(p)) continue;
    const key = text(p.key);
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(getValue(p.key), getValue(deref({ doc: d.doc, node: p.value })));
  }
  return out;
}

/** A mapping's entries as a Go map built pair by pair: a later repeat of a key wins. */
function stringMapLast(d: DocNode): Map<string, string> {
  const out = new Map<string, string>();
  const n = deref(d);
  if (isMap(n)) for (const p of n.items) if (isPair(p)) out.set(getValue(p.key), getValue(deref({ doc: d.doc, node: p.value })));
  return out;
}

const present = (f: DocNode | undefined): f is DocNode => f !== undefined && !nilOrEmpty(deref(f));

/** RNode.GetMeta: the type and identity fields, or 'missing' when it has none of them. */
function getMeta(d: DocNode): ResourceMeta | 'missing' {
  const m: ResourceMeta = { apiVersion: '', kind: '', name: '', namespace: '' };
  let missing = true;
  const take = (f: DocNode | undefined, set: (v: YNode) => void): void => {
    if (!present(f)) return;
    set(deref(f));
    missing = false;
  };
  take(field(d, 'apiVersion'), (v) => (m.apiVersion = getValue(v)));
  take(field(d, 'kind'), (v) => (m.kind = getValue(v)));
  const meta = field(d, 'metadata');
  if (!present(meta)) return missing ? 'missing' : m;
  take(field(meta, 'name'), (v) => (m.name = text(v)));
  take(field(meta, 'namespace'), (v) => (m.namespace = getValue(v)));
  take(field(meta, 'labels'), () => (m.labels = stringMap(field(meta, 'labels')!)));
  take(field(meta, 'annotations'), () => (m.annotations = stringMap(field(meta, 'annotations')!)));
  return missing ? 'missing' : m;
}

/** fmt's %v of a map[string]string: keys sorted. */
function goMap(m: Map<string, string> | undefined): string {
  const keys = [...(m?.keys() ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `map[${keys.map((k) => `${k}:${m!.get(k)}`).join(' ')}]`;
}

function printMeta(m: ResourceMeta): string {
  return `{{${m.apiVersion} ${m.kind}} {{${m.name} ${m.namespace}} ${goMap(m.labels)} ${goMap(m.annotations)}}}`;
}

/** GetValidatedMetadata's refusal, if any. */
function validationError(d: DocNode): string | undefined {
  const m = getMeta(d);
  if (m === 'missing') return 'missing Resource metadata';
  if (m.kind === '') return `missing kind in object ${printMeta(m)}`;
  if (m.kind.endsWith('List')) return undefined;
  return m.name === '' ? `missing metadata.name in object ${printMeta(m)}` : undefined;
}

/**
 * kio's splitDocuments: a separator is a line starting `---` after a newline; anything but a
 * comment after it is refused. Each piece but the last keeps a newline, and is decoded alone, so
 * errors count lines from its start. CRLF line ends are read as LF.
 */
function splitDocuments(input: string): string[] {
  const s = input.replaceAll('\r\n', '\n');
  if (s === '') return [];
  const docs: string[] = [];
  let prev = 0;
  for (const m of s.matchAll(/\n---.*\n/g)) {
    const after = m[0].slice(4).trim();
    if (after !== '' && !after.startsWith('#')) throw new Error(`invalid document separator: ${m[0].trim()}`);
    docs.push(s.slice(prev, m.index));
    prev = m.index + m[0].length;
  }
  docs.push(s.slice(prev));
  return docs.map((d, i) => (i < docs.length - 1 ? `${d}\n` : d));
}

/** yaml.Decoder.Decode on one piece: its first document, or undefined at end of stream. */
function decodeFirst(chunk: string): Document | undefined {
  const docs = parseAllDocuments(chunk, { version: '1.2', uniqueKeys: false });
  const doc = (Array.isArray(docs) ? docs : [docs])[0];
  if (doc === undefined) return undefined;
  if (doc.errors.length > 0) throw new KustomizeYamlError(goYamlMessage(doc.errors, chunk, 'v3'));
  return doc;
}

/** kio.FromBytes then dropBadNodes: the file's resource nodes. */
function readNodes(input: string): DocNode[] {
  const chunks = splitDocuments(input);
  const nodes: DocNode[] = [];
  for (const text of chunks) {
    const doc = decodeFirst(text);
    if (doc === undefined) continue;
    const d: DocNode = { doc, node: doc.contents, text };
    if (isNull(deref(d))) continue;
    const meta = getMeta(d);
    const wrapper = meta !== 'missing' && (meta.kind === 'List' || meta.kind === 'ResourceList');
    if (chunks.length === 1 && wrapper && (field(d, 'items') !== undefined || field(d, 'functionConfig') !== undefined)) {
      const items = deref(field(d, 'items') ?? { doc, node: null });
      // Content(): a sequence's items, a mapping's keys and values in turn
      const content = isSeq(items) ? items.items : isMap(items) ? items.items.flatMap((p) => (isPair(p) ? [p.key, p.value] : [])) : [];
      nodes.push(...content.map((node) => ({ doc, node, text, item: true })));
      continue;
    }
    nodes.push(d);
  }
  const kept = nodes.filter((d) => !nilOrEmpty(deref(d)));
  for (const d of kept) {
    const err = validationError(d);
    if (err) throw new Error(err);
  }
  return kept;
}

/** RNode.String(): the node as kyaml's encoder writes it (order, styles and comments kept). */
function kyamlString(d: DocNode): string {
  const doc = d.doc.clone();
  if (doc.directives) doc.directives.docStart = null;
  visit(doc, (_key, n) => {
    if (n !== null && typeof n === 'object' && 'spaceBefore' in n) (n as { spaceBefore?: boolean }).spaceBefore = false;
  });
  return doc.toString({ indent: 2, indentSeq: false, lineWidth: 0, flowCollectionPadding: false });
}

/** %T of a value decoded into interface{}. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/**
 * The node as JSON, as the build writes it after RemoveOriginAnnotations rewrote metadata:
 * annotations hold their nodes' text (an empty or malformed set is dropped), and a resource with
 * no metadata gets an empty one.
 */
function toJson(d: DocNode): ReadObject {
  const n = deref(d);
  const js = isMap(n) || isSeq(n) || isScalar(n) ? n.toJS(d.doc, { maxAliasCount: -1 }) : null;
  const obj = sortedJson(js) as Json;
  const meta = field(d, 'metadata');
  const ann = meta && field(meta, 'annotations');
  const metaNode = meta && deref(meta);
  if (ann && isMap(metaNode)) {
    // the first annotations field is read, cleared, and written back into the next one (if the
    // key is repeated) or at metadata's end
    const m = (obj.metadata as Json);
    const repeated = metaNode.items.filter((p) => isPair(p) && text(p.key) === 'annotations').length > 1;
    const kept = repeated ? (m.annotations as Json | null) : undefined;
    const read = isMap(deref(ann)) && !nilOrEmpty(deref(ann)) ? Object.fromEntries(stringMapLast(ann)) : {};
    if (Object.keys(read).length === 0 && kept === undefined) delete m.annotations;
    else m.annotations = sortedJson({ ...(kept ?? {}), ...read });
  }
  if (!('metadata' in obj)) obj.metadata = {};
  const writeError = d.text === undefined ? undefined : duplicateKeyError(n, d.text, d.item === true ? undefined : 0);
  return writeError === undefined ? { obj } : { obj, writeError };
}

/** The objects of a resource file, in the order kustomize's factory gives them. */
export function resourceObjects(text: string): ReadObject[] {
  const queue = readNodes(text).map((d) => ({ d, read: toJson(d) }));
  const out: ReadObject[] = [];
  while (queue.length > 0) {
    const { d, read } = queue.shift()!;
    const obj = read.obj;
    const meta = getMeta(d);
    const kind = meta === 'missing' ? '' : meta.kind;
    if (!kind.endsWith('List') || !('items' in obj)) {
      out.push(read);
      continue;
    }
    const repeats = d.text === undefined ? undefined : decodeErrors(deref(d), d.text);
    if (repeats !== undefined) throw new Error(`trouble expanding list of ${kind}; received error ${repeats} for the following resource:\n${kyamlString(d)}`);
    const items = obj.items;
    if (items === null || items === undefined) continue;
    if (!Array.isArray(items)) throw new Error(`expected array in ${kind}/items, but found ${goTypeName(items)}`);
    for (const item of items) {
      queue.push(...readNodes(JSON.stringify(item)).map((x) => ({ d: { doc: x.doc, node: x.node }, read: toJson({ doc: x.doc, node: x.node }) })));
    }
  }
  return out;
}
