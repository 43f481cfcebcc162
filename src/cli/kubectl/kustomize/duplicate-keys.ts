// A mapping key written twice in a resource. kyaml keeps both; the build fails only when it
// writes the result (resWrangler.AsYaml): the resource's YAML, re-serialised by kyaml, is decoded
// by go-yaml v3 into a map, which refuses repeated keys:
//   map[string]interface {}(nil): yaml: unmarshal errors:
//     line 7: mapping key "a" already defined at line 6
// The lines are those of the re-serialised resource: counted from its first line, blank lines
// between nodes dropped, and metadata.annotations (rewritten by RemoveBuildAnnotations as a block
// of unique, sorted keys) moved to the end of metadata. Transformers that add lines are not
// modelled.
import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { goQuote } from '../../../printers/go-quote.js';
import { nodeText } from './yaml.js';

type YNode = unknown;
type Range = [number, number];

interface Layout {
  lineOf(offset: number): number;
  /** the source line's number in the re-serialised resource */
  serial(line: number): number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const rangeOf = (n: YNode): Range | undefined => {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
};

function pairOf(m: YNode, key: string): Pair | undefined {
  return isMap(m) ? (m.items.find((p) => isPair(p) && nodeText(p.key) === key) as Pair | undefined) : undefined;
}

/** Source lines (1-based) inside block scalars, whose blank lines are content. */
function blockScalarLines(root: YNode, lineOf: (o: number) => number): Set<number> {
  const lines = new Set<number>();
  const visit = (n: YNode): void => {
    if (isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED')) {
      const r = rangeOf(n);
      if (r) for (let l = lineOf(r[0]); l <= lineOf(Math.max(r[0], r[1] - 1)); l++) lines.add(l);
    } else if (isMap(n) || isSeq(n)) {
      for (const it of n.items) {
        if (isPair(it)) visit(it.value);
        else visit(it);
      }
    }
  };
  visit(root);
  return lines;
}

function layout(text: string, startOffset: number, root: YNode): Layout {
  const starts = lineStarts(text);
  const lineOf = (o: number): number => lineAt(starts, o);
  const first = lineOf(startOffset);
  const inBlock = blockScalarLines(root, lineOf);
  const blank = (l: number): boolean => !inBlock.has(l) && (text.slice(starts[l - 1], starts[l] ?? text.length).trim() === '');
  const comment = (l: number): boolean => !inBlock.has(l) && (text.slice(starts[l - 1], starts[l] ?? text.length).trimStart().startsWith('#'));
  // blank lines go, except the first after a comment (go-yaml keeps a comment's separation)
  const count = (from: number, to: number): number => {
    let n = 0;
    for (let l = from; l <= to; l++) if (!blank(l) || (l > from && comment(l - 1))) n++;
    return n;
  };
  const moved = annotationsMove(root, lineOf, count);
  return {
    lineOf,
    serial(line) {
      let s = count(first, line);
      if (moved && line > moved.end && line <= moved.metaEnd) s -= moved.lines;
      else if (moved && line > moved.metaEnd) s += moved.rewritten - moved.lines;
      return s;
    },
  };
}

/**
 * Where metadata.annotations sits, and how many lines it takes once RemoveOriginAnnotations has
 * rewritten it at the end of metadata (none when it is empty or not a mapping: it is removed).
 */
function annotationsMove(root: YNode, lineOf: (o: number) => number, count: (a: number, b: number) => number) {
  const meta = pairOf(root, 'metadata')?.value;
  const ann = pairOf(meta, 'annotations');
  if (!isMap(meta) || meta.flow || !ann) return undefined;
  const from = rangeOf(ann.key);
  const to = rangeOf(ann.value) ?? from;
  const metaRange = rangeOf(meta);
  if (!from || !to || !metaRange) return undefined;
  const start = lineOf(from[0]);
  const end = lineOf(Math.max(from[0], to[1] - 1));
  const keys = isMap(ann.value) ? new Set((ann.value as YAMLMap).items.map((p) => nodeText((p as Pair).key))).size : 0;
  return { start, end, lines: count(start, end), rewritten: keys === 0 ? 0 : 1 + keys, metaEnd: lineOf(Math.max(metaRange[0], metaRange[1] - 1)) };
}

/** go-yaml v3's unique-key check, in decoding order: a mapping with repeats is not descended into. */
function collect(n: YNode, out: string[], line: (offset: number) => number, skip: Pair | undefined): void {
  if (isSeq(n)) {
    for (const it of n.items) collect(it, out, line, skip);
    return;
  }
  if (!isMap(n)) return;
  const pairs = n.items.filter((p) => isPair(p) && p !== skip) as Pair[];
  const before = out.length;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const a = pairs[i]!.key;
      const b = pairs[j]!.key;
      const ra = rangeOf(a);
      const rb = rangeOf(b);
      if (!ra || !rb || isScalar(a) !== isScalar(b) || nodeText(a) !== nodeText(b)) continue;
      out.push(`line ${line(rb[0])}: mapping key ${goQuote(nodeText(b))} already defined at line ${line(ra[0])}`);
    }
  }
  if (out.length > before) return;
  for (const p of pairs) collect(p.value, out, line, skip);
}

/** `yaml: unmarshal errors:` and go-yaml's lines, one per repeat, counting lines with lineOf. */
function unmarshalErrors(root: YNode, line: (offset: number) => number, skip?: Pair): string | undefined {
  const out: string[] = [];
  collect(root, out, line, skip);
  return out.length === 0 ? undefined : `yaml: unmarshal errors:\n  ${out.join('\n  ')}`;
}

/** RNode.Map() on a node read from text: its repeats, at their lines in that text. */
export function decodeErrors(root: YNode, text: string): string | undefined {
  const starts = lineStarts(text);
  return unmarshalErrors(root, (o) => lineAt(starts, o));
}

/**
 * The write-time error for a resource, if any: a document's contents (its text starting at
 * docStart) or, without docStart, a List item.
 */
export function duplicateKeyError(root: YNode, text: string, docStart?: number): string | undefined {
  if (!isMap(root)) return undefined;
  const start = docStart === undefined ? (rangeOf(root)?.[0] ?? 0) : afterMarker(text, docStart);
  const l = layout(text, start, root);
  // RemoveOriginAnnotations takes metadata's first annotations out before the resource is written
  const annotations = pairOf(pairOf(root, 'metadata')?.value, 'annotations');
  const errors = unmarshalErrors(root, (o) => l.serial(l.lineOf(o)), annotations);
  return errors === undefined ? undefined : `map[string]interface {}(nil): ${errors}`;
}

/** A document's own text starts after its `---` marker line, if it has one. */
function afterMarker(text: string, from: number): number {
  const m = /^(?:[ \t]*\n)*---[^\n]*\n?/.exec(text.slice(from));
  return m ? from + m[0].length : from;
}
