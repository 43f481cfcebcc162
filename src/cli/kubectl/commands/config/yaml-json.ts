// sigs.k8s.io/yaml's YAMLToJSON as clientcmd reads kubeconfig files: YAML 1.1 scalars as go-yaml
// v2 resolves them (`y`, `on`, `0777` are not strings; `1:20` and dates stay strings), later
// duplicate keys win, and parse errors worded `yaml: line N: …`.
import { yamlToJson as goYamlToJson } from '../../../../printers/yaml/go-yaml-read.js';

export class YamlError extends Error {}

/** The JSON value of a YAML document (null when empty). */
export function yamlToJson(text: string): unknown {
  const r = goYamlToJson(text);
  if ('error' in r) throw new YamlError(r.error);
  return r.value ?? null;
}

/** encoding/json's name for the kind of a JSON value, as in its type errors. */
export function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'string';
}
