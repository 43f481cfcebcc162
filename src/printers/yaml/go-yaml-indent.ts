// go-yaml's verdict on a line indented where its block collection does not allow it. go-yaml's
// scanner closes every block deeper than the line's column, then opens a new block mapping or
// sequence if the line is still deeper than the block it is in; the parser, expecting the next key
// of a mapping or `-` entry of a sequence there, stops with "did not find expected key" or "did not
// find expected '-' indicator". Which one depends on the enclosing block, not on the line, so this
// follows the blocks line by line (yaml_parser_unroll_indent / roll_indent, with indentless
// sequences, plain scalars running on to deeper lines, and block scalars). Lines it cannot follow
// (flow collections or quoted scalars over several lines, complex keys, tabs in indentation) end
// the search with no verdict.

export type IndentVerdict =
  /**
   * go-yaml's scanner stops on line (counted from 1, as its scanner errors count lines): at the
   * token after a plain scalar where a mapping's next key must start with no `:` after it ("could
   * not find expected ':'"), or at a `: ` in a plain scalar running on from the line above
   * ("mapping values are not allowed in this context")
   */
  | { line: number; scanner: string; keyLine?: number }
  /** line (an index from 0, as go-yaml's parser errors count lines) is indented where its block allows no node */
  | { line: number; message: 'did not find expected key' | "did not find expected '-' indicator"; context: number }
  /**
   * line is left of the document's first block, which it ends: go-yaml takes the lines above it as
   * the document, and sigs.k8s.io/yaml reads one document, so what follows is never parsed
   */
  | { line: number; end: true };

interface Block {
  col: number;
  /** the line it starts on (go-yaml v3 reports this line for errors inside it) */
  line: number;
  kind: 'map' | 'seq';
  /** a sequence at its mapping key's column (`key:\n- a`): any other line ends it */
  indentless?: boolean;
}

class GiveUp extends Error {}

const NO_COLON = "could not find expected ':'";

const say = (kind: Block['kind']): 'did not find expected key' | "did not find expected '-' indicator" => (kind === 'map' ? 'did not find expected key' : "did not find expected '-' indicator");

const isDash = (content: string): boolean => content === '-' || content.startsWith('- ');

/** The end of a quoted scalar starting at text[0], or -1 when it does not close on this line. */
function quoteEnd(text: string): number {
  const q = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Where a mapping key's `:` is in content (a plain or quoted key followed by `: ` or a line end), else -1. */
function keyColon(content: string): number {
  let from = 0;
  if (content[0] === '"' || content[0] === "'") {
    const end = quoteEnd(content);
    if (end < 0) throw new GiveUp();
    from = end + 1;
  } else if (/^[[\]{},#&*!|>%@`?]/.test(content)) {
    if (content[0] === '?') throw new GiveUp();
    return -1;
  }
  for (let i = from; i < content.length; i++) {
    if (content[i] === '#' && /\s/.test(content[i - 1] ?? ' ')) return -1;
    if (content[i] === ':' && (i + 1 === content.length || /\s/.test(content[i + 1]!))) return i;
  }
  return -1;
}

/** A value without its trailing comment. */
const stripComment = (value: string): string => value.replace(/(^|\s)#.*$/, '').trim();

/** How deep in flow collections text leaves one that was depth deep (quotes must close on the line). */
function flowDepth(text: string, depth: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = quoteEnd(text.slice(i));
      if (end < 0) throw new GiveUp();
      i += end;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return Math.max(depth, 0);
}

class Walker {
  readonly stack: Block[] = [];
  /** a key or `-` with no value on its line: the next deeper line is its value */
  pending: { col: number; key: boolean } | undefined;
  /** a plain scalar ended the line: deeper lines carry it on */
  plainAbove: number | undefined;
  /**
   * inside a block scalar: its text must be deeper than parent, and is as deep as its first line
   * (or as the indentation indicator says)
   */
  blockScalar: { parent: number; indent: number | undefined } | undefined;
  /** inside a flow collection this deep, which lines go on until it closes */
  flow = 0;
  /** inside a quoted scalar, which lines go on until this quote closes it */
  quote: string | undefined;
  /** the document's first node has begun */
  started = false;
  /** the line being read */
  index = 0;
  /** lines carrying a quoted scalar on at or left of its block's column, and a column deep enough */
  readonly shallowQuoted: Array<{ line: number; col: number }> = [];

  top(): Block | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The innermost block's column; -1 above the first. */
  topCol(): number {
    return this.top()?.col ?? -1;
  }

  /** The collection at col: the top if it is one of kind there, else a new one. */
  enter(col: number, kind: Block['kind'], indentless = false): void {
    const top = this.top();
    if (top && top.col === col && top.kind === kind) return;
    this.stack.push({ col, kind, indentless, line: this.index });
  }

  /** A node's value after `key:` or `-`; col is the column of its collection. */
  value(raw: string, col: number, key: boolean): void {
    let value = stripComment(raw);
    while (/^[&!]\S*(\s|$)/.test(value)) value = value.replace(/^[&!]\S*\s*/, '');
    if (value === '') this.pending = { col, key };
    else if (value[0] === '|' || value[0] === '>') {
      const parent = this.topCol();
      const indicator = /^[|>][+-]?([1-9])/.exec(value)?.[1];
      this.blockScalar = { parent, indent: indicator === undefined ? undefined : parent + Number(indicator) };
    } else if (value[0] === '"' || value[0] === "'") {
      if (quoteEnd(value) < 0) this.quote = value[0];
      else if (stripComment(value.slice(quoteEnd(value) + 1)) !== '') throw new GiveUp();
    } else if (value[0] === '[' || value[0] === '{') this.flow = flowDepth(value, 0);
    // a comment ends a plain scalar: the next line cannot carry it on
    else if (value[0] !== '*' && stripComment(raw) === raw.trim()) this.plainAbove = this.topCol();
  }

  /** The nodes a line holds from col: `- ` entries, then a key and its value, or a scalar. */
  content(content: string, col: number): void {
    while (isDash(content)) {
      this.enter(col, 'seq');
      const rest = content.slice(1);
      const skip = rest.length - rest.trimStart().length;
      if (rest.trim() === '' || rest.trimStart().startsWith('#')) {
        this.pending = { col, key: false };
        return;
      }
      content = rest.trimStart();
      col += 1 + skip;
      if (!isDash(content) && keyColon(content) >= 0) this.stack.push({ col, kind: 'map', line: this.index });
    }
    const colon = keyColon(content);
    if (colon < 0) {
      this.value(content, col, false);
      return;
    }
    this.enter(col, 'map');
    this.value(content.slice(colon + 1), col, true);
  }

  /** go-yaml's error for this line, if its column is wrong for the blocks open above it. */
  line(text: string, index: number): IndentVerdict | undefined {
    this.index = index;
    const content = text.trimStart();
    const col = text.length - content.length;
    if (this.quote !== undefined) {
      // the rest of the scalar: the line that closes it must end there. go-yaml lets it sit at any
      // column; the npm parser wants it deeper than the block the scalar is in.
      const block = this.topCol();
      if (col <= block) this.shallowQuoted.push({ line: index, col: block + 1 });
      const end = quoteEnd(`${this.quote}${content}`);
      if (end >= 0) {
        this.quote = undefined;
        if (stripComment(content.slice(end)) !== '') throw new GiveUp();
      }
      return undefined;
    }
    if (this.flow > 0) {
      this.flow = flowDepth(content, this.flow);
      return undefined;
    }
    if (/^ *\t/.test(text)) throw new GiveUp();
    if (this.blockScalar !== undefined) {
      const block = this.blockScalar;
      block.indent ??= col > block.parent ? col : undefined;
      if (block.indent !== undefined && col >= block.indent) return undefined;
      this.blockScalar = undefined;
      // a comment left of the scalar's text ends it, and is a comment
      if (content.startsWith('#')) return undefined;
    }
    if (this.plainAbove !== undefined && col > this.plainAbove) {
      if (keyColon(content) >= 0) return { line: index + 1, scanner: 'mapping values are not allowed in this context' };
      return undefined;
    }
    this.plainAbove = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending && (col > pending.col || (pending.key && col === pending.col && isDash(content)))) {
      if (col === pending.col) this.enter(col, 'seq', true);
      this.content(content, col);
      return undefined;
    }
    while (this.topCol() > col) this.stack.pop();
    if (this.stack.length === 0 && this.started) return { line: index, end: true };
    this.started = true;
    const top = this.top();
    if (top?.indentless && !(isDash(content) && col === top.col)) this.stack.pop();
    const block = this.top();
    if (block) {
      const misplaced = { line: index, message: say(block.kind), context: block.line };
      if (col > block.col) return misplaced;
      if (isDash(content) !== (block.kind === 'seq')) return misplaced;
      // a flow collection's end is a token of its own, which no block expects
      if (content[0] === '}' || content[0] === ']') return misplaced;
      if (block.kind === 'map' && keyColon(content) < 0) return { line: index, scanner: NO_COLON };
    }
    this.content(content, col);
    return undefined;
  }
}

/**
 * Where go-yaml's scanner is when it finds the key on line `from` stale: at the first token after
 * the scalar, which runs on over deeper lines until one holds a `: ` (counted from 1).
 */
function staleKeyLine(lines: string[], from: number, col: number): number {
  for (let i = from + 1; i < lines.length; i++) {
    const content = lines[i]!.trim();
    if (content === '' || content.startsWith('#')) continue;
    const depth = lines[i]!.length - lines[i]!.trimStart().length;
    if (depth <= col || keyColon(content) >= 0) return i + 1;
  }
  return lines.length;
}

/** The walker after reading text, and its verdict on the first line it rejects; undefined where it gave up. */
function walk(text: string): { walker: Walker; verdict?: IndentVerdict } | undefined {
  const walker = new Walker();
  const lines = text.split('\n');
  try {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/\r$/, '');
      const trimmed = line.trim();
      if (trimmed === '' || (trimmed.startsWith('#') && walker.blockScalar === undefined && walker.quote === undefined)) continue;
      if (i === 0 && (trimmed.startsWith('%') || trimmed === '---')) continue;
      const found = walker.line(line, i);
      if (found && 'scanner' in found && found.scanner === NO_COLON) {
        return { walker, verdict: { line: staleKeyLine(lines, i, walker.top()!.col), scanner: NO_COLON, keyLine: i } };
      }
      if (found) return { walker, verdict: found };
    }
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
  return { walker };
}

/** The first line of a YAML document whose indentation go-yaml rejects or ends the document at. */
export function indentVerdict(text: string): IndentVerdict | undefined {
  return walk(text)?.verdict;
}

/**
 * The text with the lines of quoted scalars that go-yaml reads at any column moved right of their
 * block, for a parser that wants them there; undefined when there are none (or the text has other
 * trouble). Folding drops a continuation line's leading spaces, so the values are unchanged.
 */
export function reindentQuoted(text: string): string | undefined {
  const result = walk(text);
  if (!result || result.verdict || result.walker.shallowQuoted.length === 0) return undefined;
  const lines = text.split('\n');
  for (const { line, col } of result.walker.shallowQuoted) lines[line] = ' '.repeat(col) + lines[line]!.trimStart();
  return lines.join('\n');
}
