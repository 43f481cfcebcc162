// go-yaml v2's block emitter (emitterc.go state machine) for one document: block mappings, block
// sequences at their parent key's indentation, `{}`/`[]` for empty collections, `? key` for keys
// that cannot be simple (multi-line, or longer than 128 bytes).
import type { ScalarAnalysis } from './analyze.js';
import { Output } from './output.js';
import { type ScalarStyle, writeScalar } from './scalars.js';

export interface ScalarNode {
  kind: 'scalar';
  text: string;
  /** The text as code points. */
  value: number[];
  /** The style the encoder asks for; the emitter may fall back to a quoted one. */
  style: 'plain' | 'double' | 'literal';
  analysis: ScalarAnalysis;
  utf8Length: number;
}

export type YamlNode =
  | ScalarNode
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'map'; entries: Array<[ScalarNode, YamlNode]> };

interface Context {
  mapping: boolean;
  simpleKey: boolean;
}

const VALUE: Context = { mapping: false, simpleKey: false };
const MAP_VALUE: Context = { mapping: true, simpleKey: false };
const MAP_SIMPLE_KEY: Context = { mapping: true, simpleKey: true };

function selectStyle(n: ScalarNode, simpleKey: boolean): ScalarStyle {
  const a = n.analysis;
  let style: ScalarStyle = simpleKey && a.multiline ? 'double' : n.style;
  if (style === 'plain' && (!a.blockPlainAllowed || (n.value.length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function emitScalar(o: Output, n: ScalarNode, ctx: Context): void {
  const style = selectStyle(n, ctx.simpleKey);
  o.increaseIndent(true, false);
  writeScalar(o, n, style, !ctx.simpleKey);
  o.popIndent();
}

function emitBlockSequence(o: Output, items: readonly YamlNode[], ctx: Context): void {
  o.increaseIndent(false, ctx.mapping && !o.indention);
  for (const item of items) {
    o.writeIndent();
    o.writeIndicator('-', true, false, true);
    emitNode(o, item, VALUE);
  }
  o.popIndent();
}

function isSimpleKey(key: ScalarNode): boolean {
  return !key.analysis.multiline && key.utf8Length <= 128;
}

function emitBlockMapping(o: Output, entries: ReadonlyArray<[ScalarNode, YamlNode]>): void {
  o.increaseIndent(false, false);
  for (const [key, value] of entries) {
    o.writeIndent();
    if (isSimpleKey(key)) {
      emitScalar(o, key, MAP_SIMPLE_KEY);
      o.writeIndicator(':', false, false, false);
    } else {
      o.writeIndicator('?', true, false, true);
      emitScalar(o, key, MAP_VALUE);
      o.writeIndent();
      o.writeIndicator(':', true, false, true);
    }
    emitNode(o, value, MAP_VALUE);
  }
  o.popIndent();
}

function emitNode(o: Output, node: YamlNode, ctx: Context): void {
  if (node.kind === 'scalar') {
    emitScalar(o, node, ctx);
  } else if (node.kind === 'seq') {
    if (node.items.length > 0) emitBlockSequence(o, node.items, ctx);
    else o.writeIndicator('[]', true, false, false);
  } else if (node.entries.length > 0) {
    emitBlockMapping(o, node.entries);
  } else {
    o.writeIndicator('{}', true, false, false);
  }
}

/** One document: the node, then the line break that ends it. */
export function emitDocument(root: YamlNode): string {
  const o = new Output();
  emitNode(o, root, VALUE);
  o.writeIndent();
  return o.text();
}
