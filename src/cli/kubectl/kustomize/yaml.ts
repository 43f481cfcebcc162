// Reading YAML as kustomize does (kyaml, on go-yaml v3: the YAML 1.2 core schema, so `yes` and
// `on` stay strings): documents split on `---`, empty ones skipped, `kind: List` flattened.
import { parseAllDocuments } from 'yaml';
import { goYamlMessage, sortedJson } from '../../../printers/yaml/go-yaml-read.js';

export type Json = Record<string, unknown>;

export class KustomizeYamlError extends Error {}

/** One YAML text to its documents' values (null for empty documents). */
export function parseYamlDocs(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.2', uniqueKeys: false });
  const out: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) throw new KustomizeYamlError(goYamlMessage(doc.errors, text, 'v3'));
    out.push(sortedJson(doc.toJS({ maxAliasCount: -1 })));
  }
  return out;
}

/** The objects of a resource file: documents that are objects, List items flattened. */
export function resourceObjects(text: string): Json[] {
  const out: Json[] = [];
  for (const v of parseYamlDocs(text)) {
    if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) continue;
    const o = v as Json;
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const item of o.items) if (item !== null && typeof item === 'object') out.push(item as Json);
    } else out.push(o);
  }
  return out;
}
