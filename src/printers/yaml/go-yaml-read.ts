// A YAML document as sigs.k8s.io/yaml reads it: go-yaml v2 (YAML 1.1: yes/no/on/off are booleans,
// 0755 is octal, timestamps stay strings) to JSON. Errors are worded as go-yaml words them, e.g.
// `yaml: line 5: mapping values are not allowed in this context` (scanner errors count lines from
// 1, parser errors from 0, as go-yaml's fail() does). kubectl reads manifests so (-f, edit, patch
// files) and clientcmd reads kubeconfig files so.
import { parseDocument, type YAMLError } from 'yaml';
import { indentVerdict, reindentQuoted } from './go-yaml-indent.js';

const lineOf = (text: string, pos: number): number => text.slice(0, pos).split('\n').length;

/** Scanner errors count from 1, except that an error on the first line has no line at all. */
function scannerError(line: number, msg: string): string {
  return line <= 1 ? `yaml: ${msg}` : `yaml: line ${line}: ${msg}`;
}

/** Parser errors report the problem's 0-based line, and no line at all on the first one. */
function parserError(line1: number, msg: string): string {
  const line0 = line1 - 1;
  return line0 === 0 ? `yaml: ${msg}` : `yaml: line ${line0}: ${msg}`;
}

/** The closing bracket of the innermost flow collection open at pos (quotes and comments skipped). */
function openFlowAt(chunk: string, pos: number): ']' | '}' | undefined {
  const open: string[] = [];
  let quote = '';
  for (let i = 0; i < pos && i < chunk.length; i++) {
    const c = chunk[i]!;
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(chunk[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(chunk[i - 1]!))) while (i < pos && chunk[i + 1] !== '\n') i++;
    else if (c === '[' || c === '{') open.push(c === '[' ? ']' : '}');
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  return open[open.length - 1] as ']' | '}' | undefined;
}

/**
 * go-yaml's parser inside a flow collection: a token where it wanted a node (a separator, a
 * closer of the other kind, or nothing after a comment: the next token, on a later line) is
 * "did not find expected node content"; a node where it wanted a separator is "did not find
 * expected ',' or ']'" (or '}'). Undefined for errors of other kinds.
 */
function flowVerdict(chunk: string, e: YAMLError, pos: number): string | undefined {
  const close = openFlowAt(chunk, pos)!;
  const line = lineOf(chunk, pos);
  const text = headline(e);
  const ch = chunk[pos];
  if (e.code === 'MISSING_CHAR' && text.includes('Comments must be separated')) {
    // go-yaml takes it as a comment; with nothing after it the stream ends where a node was due
    const after = chunk.slice(chunk.indexOf('\n', pos) + 1);
    return chunk.indexOf('\n', pos) < 0 || after.trim() === '' ? parserError(line + 1, 'did not find expected node content') : undefined;
  }
  if (e.code === 'UNEXPECTED_TOKEN' && /^Unexpected , in flow/.test(text)) return parserError(line, 'did not find expected node content');
  if (e.code === 'BAD_INDENT') return ch === '}' || ch === ']' ? parserError(line, 'did not find expected node content') : undefined;
  // a collection the stream ends inside is flowError's: go-yaml's end of stream is a line on
  if (e.code === 'MISSING_CHAR' && !text.includes('between flow')) return undefined;
  return parserError(line, `did not find expected ',' or '${close}'`);
}

/** At the end of the stream go-yaml moves to a new line unless the text ended with one. */
function flowError(chunk: string, close: string): string {
  const rest = chunk.trimEnd();
  const last = rest[rest.length - 1];
  const msg = last === '[' || last === '{' || last === ',' ? 'did not find expected node content' : `did not find expected ',' or '${close}'`;
  const endLine1 = lineOf(chunk, chunk.length) + (chunk.endsWith('\n') || chunk === '' ? 0 : 1);
  return parserError(endLine1, msg);
}

function sameColumnError(chunk: string, pos: number): string {
  const lineStart = chunk.lastIndexOf('\n', pos - 1) + 1;
  const line = chunk.slice(lineStart).trimStart();
  const msg = line.startsWith('- ') || line === '-' ? 'did not find expected key' : "did not find expected '-' indicator";
  return parserError(lineOf(chunk, pos), msg);
}

function mappingValuesError(chunk: string, pos: number): string {
  const colon = /:(?=[ \t\n]|$)/g;
  colon.lastIndex = pos;
  const m = colon.exec(chunk);
  return scannerError(lineOf(chunk, m ? m.index : pos), 'mapping values are not allowed in this context');
}

/**
 * A tab indenting a line: inside a plain scalar running on from the line before it "violates
 * indentation"; where a new token should start it "cannot start any token".
 */
function tabError(chunk: string, pos: number): string {
  const line = lineOf(chunk, pos);
  const before = chunk.split('\n').slice(0, line - 1).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const prev = (before[before.length - 1] ?? '').replace(/\s+#.*$/, '').trimEnd();
  const opensNode = prev === '' || /[:\-|>[{,]$/.test(prev);
  return scannerError(line, opensNode ? 'found character that cannot start any token' : 'found a tab character that violates indentation');
}

/**
 * The line of the first token after the line pos is on: go-yaml finds a key with no `:` stale once
 * it has moved on to the next token (the end of the stream when there is none).
 */
function nextTokenLine(chunk: string, pos: number): number {
  const lines = chunk.split('\n');
  for (let i = lineOf(chunk, pos); i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !t.startsWith('#')) return i + 1;
  }
  return lineOf(chunk, chunk.length);
}

/** The parser's words for a problem, without the excerpt of the text it quotes after them. */
const headline = (e: YAMLError): string => e.message.split('\n')[0]!;

/** Problems a misaligned line does not cause: tabs, characters no token starts with, unclosed quotes and flows. */
const unrelatedToIndent = (e: YAMLError): boolean =>
  e.code === 'TAB_AS_INDENT' || e.code === 'BAD_SCALAR_START' || /^Missing closing .quote|^Flow (map|sequence)/.test(headline(e));

/**
 * go-yaml's wording for the first problem the YAML library found. go-yaml v2 (sigs.k8s.io/yaml)
 * names the line of the problem; v3 (kustomize's kyaml) names the line of its context where there
 * is one past the first line: the block an unexpected line is in, the key a `:` was missing after.
 */
export function goYamlMessage(errors: readonly YAMLError[], chunk: string, dialect: 'v2' | 'v3' = 'v2'): string {
  const find = (code: string, text?: string): YAMLError | undefined => errors.find((e) => e.code === code && (text === undefined || headline(e).includes(text)));
  const at = (e: YAMLError): number => e.pos[0];
  // a line indented where its block does not allow it, unless a problem of another kind comes first
  const verdict = indentVerdict(chunk);
  const before = (line1: number): boolean => errors.some((e) => unrelatedToIndent(e) && lineOf(chunk, at(e)) < line1);
  if (verdict && 'message' in verdict && !before(verdict.line + 1)) {
    const line0 = dialect === 'v3' && verdict.context !== 0 ? verdict.context : verdict.line;
    return parserError(line0 + 1, verdict.message);
  }
  if (verdict && 'scanner' in verdict && !before(verdict.line)) {
    const line1 = dialect === 'v3' && verdict.keyLine ? verdict.keyLine + 1 : verdict.line;
    return scannerError(line1, verdict.scanner);
  }
  const tab = find('TAB_AS_INDENT');
  if (tab) return tabError(chunk, at(tab));
  const badStart = find('BAD_SCALAR_START');
  if (badStart) return scannerError(lineOf(chunk, at(badStart)), 'found character that cannot start any token');
  const inFlow = errors.filter((e) => ['MISSING_CHAR', 'UNEXPECTED_TOKEN', 'BLOCK_IN_FLOW', 'BAD_INDENT'].includes(e.code) && openFlowAt(chunk, at(e)) !== undefined)
    .sort((a, b) => at(a) - at(b))
    .map((e) => flowVerdict(chunk, e, at(e)))
    .find((v) => v !== undefined);
  if (inFlow) return inFlow;
  const unexpected = find('UNEXPECTED_TOKEN');
  if (unexpected) return parserError(lineOf(chunk, at(unexpected)), 'did not find expected key');
  const nested = find('BLOCK_AS_IMPLICIT_KEY') ?? find('MULTILINE_IMPLICIT_KEY');
  if (nested) return mappingValuesError(chunk, at(nested));
  if (find('BAD_INDENT', 'Flow sequence') ?? find('MISSING_CHAR', 'Flow sequence')) return flowError(chunk, ']');
  if (find('BAD_INDENT', 'Flow map') ?? find('MISSING_CHAR', 'Flow map')) return flowError(chunk, '}');
  const column = find('BAD_INDENT', 'same column');
  if (column) return sameColumnError(chunk, at(column));
  if (find('MISSING_CHAR', 'quote')) return scannerError(lineOf(chunk, chunk.length), 'found unexpected end of stream');
  const noValue = find('MISSING_CHAR', 'map values');
  if (noValue) return scannerError(nextTokenLine(chunk, at(noValue)), "could not find expected ':'");
  const first = errors[0];
  return scannerError(first ? lineOf(chunk, at(first)) : 1, 'did not find expected key');
}

/** Maps with string keys sorted byte-wise (Go's json.Marshal of a map), everything else as is. */
export function sortedJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedJson);
  if (v !== null && typeof v === 'object') {
    const m = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(m).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))))) out[k] = sortedJson(m[k]);
    return out;
  }
  return v;
}

/** json.Marshal refuses infinities and NaN: the first one in key order, as Go formats it. */
function firstNonFinite(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (v === null || typeof v !== 'object') return undefined;
  for (const x of Array.isArray(v) ? v : Object.values(v)) {
    const bad = firstNonFinite(x);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** go-yaml v2 leaves timestamps and sexagesimal numbers (`1:20`) as strings. */
function keptTag(t: unknown): boolean {
  if (typeof t === 'string') return true;
  const tag = t as { tag?: string; format?: string };
  return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
}

/** One document to JSON values, or go-yaml's error text. */
export function yamlToJson(chunk: string): { value: unknown } | { error: string } {
  const parse = (text: string): ReturnType<typeof parseDocument> => parseDocument(text, {
    version: '1.1',
    uniqueKeys: false,
    customTags: (tags) => tags.filter(keptTag),
  });
  let doc = parse(chunk);
  if (doc.errors.length > 0) {
    // a line left of the first block ends the document there, and go-yaml reads no further
    const verdict = indentVerdict(chunk);
    if (verdict && 'end' in verdict) doc = parse(chunk.split('\n').slice(0, verdict.line).join('\n'));
  }
  if (doc.errors.length > 0) {
    // quoted scalars go on at any column for go-yaml
    const moved = reindentQuoted(chunk);
    const again = moved === undefined ? undefined : parse(moved);
    if (again && again.errors.length === 0) doc = again;
  }
  if (doc.errors.length > 0) return { error: goYamlMessage(doc.errors, chunk) };
  try {
    const value = sortedJson(doc.toJS({ maxAliasCount: -1 }));
    const bad = firstNonFinite(value);
    return bad === undefined ? { value } : { error: `json: unsupported value: ${bad}` };
  } catch (err) {
    const m = /Unresolved alias[^:]*: (.*)$/.exec((err as Error).message);
    return { error: m ? `yaml: unknown anchor '${m[1]}' referenced` : `yaml: ${(err as Error).message}` };
  }
}
