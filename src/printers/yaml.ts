// kubectl's `-o yaml`, byte for byte. kubectl prints through sigs.k8s.io/yaml: Go's JSON of the
// object is read back by go-yaml v2 and written out by its emitter. This is our own small emitter
// with go-yaml v2's rules (see yaml/): the `yaml` npm package folds long lines, picks quoting and
// orders keys differently, and no option of it reproduces go-yaml's column-80 folding at the
// first space past the limit, its escapes (\U0001F600 for emoji, \x01), its natural key order
// (a9 before a10) or its `? key` form for long keys.
import { analyzeScalar } from './yaml/analyze.js';
import { codePoints, utf8Length } from './yaml/chars.js';
import { checkYamlDecodable, foldLineBreaks } from './yaml/decode.js';
import { emitDocument, type ScalarNode, type YamlNode } from './yaml/emitter.js';
import { yamlNumberText } from './yaml/number.js';
import { canBePlain } from './yaml/resolve.js';
import { compareGoYamlKeys } from './yaml/sort.js';
import { jsonEntries, toJsonValue } from './json.js';

export { KubectlYamlError } from './yaml/decode.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function scalar(raw: string, style: ScalarNode['style']): ScalarNode {
  const value = codePoints(raw);
  const text = raw.replace(LONE_SURROGATE, '\ufffd');
  return { kind: 'scalar', text, value, style, analysis: analyzeScalar(value), utf8Length: utf8Length(value) };
}

/** encode.go stringv: literal block for text with a newline, plain when it reads back as a
 * string, double-quoted otherwise. */
function stringNode(raw: string): ScalarNode {
  const s = foldLineBreaks(raw);
  if (s.includes('\n')) return scalar(s, 'literal');
  return scalar(s, canBePlain(s) ? 'plain' : 'double');
}

function toNode(raw: unknown): YamlNode {
  const v = toJsonValue(raw);
  if (typeof v === 'string') return stringNode(v);
  if (typeof v === 'boolean') return scalar(v ? 'true' : 'false', 'plain');
  if (typeof v === 'number' || typeof v === 'bigint') return scalar(yamlNumberText(v), 'plain');
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((x: unknown) => toNode(x)) };
  if (typeof v !== 'object' || v === null) return scalar('null', 'plain');
  const entries = jsonEntries(v, false)
    .map(([k, x]): [string, unknown] => [foldLineBreaks(k), x])
    .sort(([a], [b]) => compareGoYamlKeys(a, b))
    .map(([k, x]): [ScalarNode, YamlNode] => [stringNode(k), toNode(x)]);
  return { kind: 'map', entries };
}

/** What `kubectl … -o yaml` prints for one object (a parsed JSON value), final newline included.
 * Throws KubectlYamlError with the text kubectl prints after "error: " when kubectl itself
 * fails to convert the object (control characters, keys it cannot read back). */
export function toKubectlYaml(value: unknown): string {
  checkYamlDecodable(value);
  return emitDocument(toNode(value));
}
