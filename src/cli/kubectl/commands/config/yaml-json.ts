// sigs.k8s.io/yaml's YAMLToJSON as clientcmd reads kubeconfig files: YAML 1.1 scalars as go-yaml
// v2 resolves them (`y`, `on`, `0777` are not strings; `1:20` and dates stay strings), later
// duplicate keys win, and parse errors worded `yaml: line N: …`.
import YAML, { type Tags } from 'yaml';

const OPTIONS = {
  version: '1.1' as const,
  merge: true,
  uniqueKeys: false,
  customTags: (tags: Tags): Tags =>
    tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME')),
};

export class YamlError extends Error {}

/** How go-yaml words the errors people make, by the npm parser's code and text; `line` is
 * go-yaml's line relative to the npm parser's, null when go-yaml gives none. */
const GO_YAML_ERRORS: Array<{ code: string; text?: RegExp; say: string; line: number | null }> = [
  { code: 'TAB_AS_INDENT', say: 'found character that cannot start any token', line: 0 },
  { code: 'MISSING_CHAR', text: /quote/, say: 'found unexpected end of stream', line: 0 },
  { code: 'MISSING_CHAR', text: /Flow map/, say: "did not find expected ',' or '}'", line: -1 },
  { code: 'BAD_INDENT', text: /Flow sequence/, say: 'did not find expected node content', line: -1 },
  { code: 'BAD_INDENT', text: /same column/, say: 'did not find expected key', line: -1 },
  { code: 'BLOCK_AS_IMPLICIT_KEY', say: 'mapping values are not allowed in this context', line: null },
  { code: 'MULTILINE_IMPLICIT_KEY', say: 'mapping values are not allowed in this context', line: 1 },
];

/** go-yaml's wording for the errors people actually make; the parser's own text otherwise. */
function goYamlMessage(err: YAML.YAMLError): string {
  const line = err.linePos?.[0].line ?? 1;
  const known = GO_YAML_ERRORS.find((e) => e.code === err.code && (!e.text || e.text.test(err.message)));
  if (!known) return `yaml: line ${line}: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
  return known.line === null ? `yaml: ${known.say}` : `yaml: line ${Math.max(1, line + known.line)}: ${known.say}`;
}

/** The JSON value of a YAML document (null when empty). */
export function yamlToJson(text: string): unknown {
  const doc = YAML.parseDocument(text, OPTIONS);
  const err = doc.errors[0];
  if (err) throw new YamlError(goYamlMessage(err));
  return doc.toJS({ maxAliasCount: -1 }) ?? null;
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
