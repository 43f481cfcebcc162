// Reading YAML as kustomize does (kyaml, on go-yaml v3: the YAML 1.2 core schema, so `yes` and
// `on` stay strings): documents split on `---`, empty ones skipped (read-resources.ts reads objects).
import { isScalar, parseAllDocuments } from 'yaml';
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

/** A go-yaml v3 node's Value: a scalar's text (a quoted one unescaped), '' for anything else. */
export function nodeText(n: unknown): string {
  if (!isScalar(n)) return '';
  return typeof n.value === 'string' ? n.value : (n.source ?? String(n.value));
}
