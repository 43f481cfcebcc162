// What kustomize's YAML reading (kyaml, on go-yaml v3: the YAML 1.2 core schema, so `yes` and `on`
// stay strings) shares: its syntax error, and a node's text. read-resources.ts reads the files.
import { isScalar } from 'yaml';

export type Json = Record<string, unknown>;

export class KustomizeYamlError extends Error {}

/** A go-yaml v3 node's Value: a scalar's text (a quoted one unescaped), '' for anything else. */
export function nodeText(n: unknown): string {
  if (!isScalar(n)) return '';
  return typeof n.value === 'string' ? n.value : (n.source ?? String(n.value));
}
