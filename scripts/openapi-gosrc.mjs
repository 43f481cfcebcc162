// Reads the Go API types (k8s.io/api, k8s.io/apimachinery) far enough for scripts/openapi-extract.mjs:
// named types with their doc comments, struct fields (JSON name, omitempty, Go type, doc comment),
// string constants with their doc comments, and which types decode themselves (UnmarshalJSON).
//
// Comments are attached the way the Go parser and gengo attach them, because the published schema
// depends on it: a declaration's doc comment is the comment group that ends on the line just above
// it; a comment at the end of a code line is a group of its own; CommentGroup.Text() strips `//`
// and one space, drops directives such as `//go:generate` and trims blank lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILTINS = new Set(['string', 'bool', 'byte', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'interface{}']);

/** Splits a code line into its code and a trailing `//` comment, minding string literals. */
function splitComment(line) {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`' || c === "'") quote = c;
    else if (c === '/' && line[i + 1] === '/') return { code: line.slice(0, i), comment: line.slice(i) };
  }
  return { code: line, comment: '' };
}

function isDirective(c) {
  if (/^(line|extern|export) /.test(c)) return true;
  const colon = c.indexOf(':');
  if (colon <= 0 || colon + 1 >= c.length) return false;
  return /^[a-z0-9]+$/.test(c.slice(0, colon)) && /^[a-z0-9]$/.test(c[colon + 1]);
}

/** go/ast CommentGroup.Text() followed by gengo's splitLines. */
export function commentText(raw) {
  const lines = [];
  for (let c of raw) {
    c = c.slice(2);
    if (c.startsWith(' ')) c = c.slice(1);
    else if (c && isDirective(c)) continue;
    lines.push(c.replace(/[ \t\r\n]+$/, ''));
  }
  const kept = [];
  for (const l of lines) if (l !== '' || (kept.length > 0 && kept[kept.length - 1] !== '')) kept.push(l);
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return kept;
}

/** Comment groups of a file, keyed by the line they end on (0-based). Block comments end groups. */
function commentGroups(lines) {
  const byEnd = new Map();
  let group = null;
  let inBlock = false;
  lines.forEach((line, n) => {
    const t = line.trim();
    if (inBlock || t.startsWith('/*')) {
      inBlock = !t.slice(inBlock ? 0 : 2).includes('*/');
      group = null;
      return;
    }
    if (t.startsWith('//')) {
      if (group && group.end === n - 1) group.raw.push(t);
      else group = { raw: [t] };
      group.end = n;
      byEnd.set(n, group);
      return;
    }
    group = null;
    const { comment } = splitComment(line);
    if (comment && t) byEnd.set(n, { raw: [comment.trim()], end: n });
  });
  return byEnd;
}

/** Parses a Go type expression into {kind: named|builtin|ptr|slice|map, ...}. */
export function parseTypeExpr(s) {
  s = s.trim();
  if (s.startsWith('*')) return { kind: 'ptr', elem: parseTypeExpr(s.slice(1)) };
  if (s.startsWith('[]')) return { kind: 'slice', elem: parseTypeExpr(s.slice(2)) };
  if (s.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < s.length; i++) {
      if (s[i] === '[') depth++;
      else if (s[i] === ']' && --depth === 0) return { kind: 'map', key: parseTypeExpr(s.slice(4, i)), elem: parseTypeExpr(s.slice(i + 1)) };
    }
  }
  if (BUILTINS.has(s)) return { kind: 'builtin', name: s };
  const dot = s.indexOf('.');
  return dot === -1 ? { kind: 'named', name: s } : { kind: 'named', qualifier: s.slice(0, dot), name: s.slice(dot + 1) };
}

function parseImports(lines) {
  const imports = new Map();
  let inBlock = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === 'import (') inBlock = true;
    else if (inBlock && t === ')') inBlock = false;
    const m = (inBlock || t.startsWith('import ')) && /^(?:import\s+)?(?:([A-Za-z_][\w]*|\.|_)\s+)?"([^"]+)"/.exec(t);
    if (m) imports.set(m[1] ?? m[2].split('/').pop(), m[2]);
  }
  return imports;
}

function parseTag(tag) {
  const json = /json:"([^"]*)"/.exec(tag ?? '');
  if (!json) return { name: undefined, omitEmpty: false, inline: false };
  const [name, ...opts] = json[1].split(',');
  return { name, omitEmpty: opts.includes('omitempty'), inline: opts.includes('inline'), asString: opts.includes('string') };
}

/** A struct body: one field per line, `Name Type `tag`` or an embedded `Type `tag``. */
function parseFields(lines, from, docOf) {
  const fields = [];
  let n = from;
  for (; n < lines.length && lines[n].trim() !== '}'; n++) {
    const { code } = splitComment(lines[n]);
    const m = /^\s*(?:([A-Za-z_]\w*)\s+)?([*\[\]\w.{}]+)\s*(?:`([^`]*)`)?\s*$/.exec(code);
    if (!m || !code.trim() || code.trim().startsWith('//')) continue;
    const tag = parseTag(m[3]);
    fields.push({ goName: m[1] ?? m[2].replace(/^\*/, '').split('.').pop(), embedded: !m[1], type: parseTypeExpr(m[2]), ...tag, comments: docOf(n) });
  }
  return { fields, end: n };
}

/** `Name Type = value`, `Name = Type(value)`: the value when it is a string literal, else its expression. */
function parseConst(code) {
  const m = /^\s*(?:const\s+)?([A-Za-z_]\w*)(?:\s+([\w.]+))?\s*=\s*(.+?)\s*$/.exec(code);
  if (!m) return undefined;
  const conversion = /^([A-Za-z_][\w.]*)\((.*)\)$/.exec(m[3]);
  const expr = conversion ? conversion[2] : m[3];
  const lit = /^("(?:[^"\\]|\\.)*"|`[^`]*`)$/.exec(expr);
  const value = lit ? (lit[1].startsWith('`') ? lit[1].slice(1, -1) : JSON.parse(lit[1])) : undefined;
  return { name: m[1], type: m[2] ?? conversion?.[1], value, expr };
}

/** One Go source file: its package-level types, string constants and UnmarshalJSON methods. */
export function parseGoFile(text) {
  const lines = text.split('\n');
  const groups = commentGroups(lines);
  const docOf = (n) => (groups.has(n - 1) ? commentText(groups.get(n - 1).raw) : []);
  const out = { imports: parseImports(lines), types: [], consts: [], unmarshalers: [] };
  let inConst = false;
  for (let n = 0; n < lines.length; n++) {
    const { code } = splitComment(lines[n]);
    const t = code.trim();
    if (inConst) {
      if (t === ')') inConst = false;
      else if (t) pushConst(out, parseConst(t), docOf(n));
      continue;
    }
    // Package level only: declarations start at the first column.
    if (code.trimEnd() === 'const (') inConst = true;
    else if (code.startsWith('const ')) pushConst(out, parseConst(t), docOf(n));
    const type = /^type\s+([A-Za-z_]\w*)\s*(=\s*)?(.*?)\s*$/.exec(code.trimEnd());
    if (type && type[3] === 'struct {') {
      const { fields, end } = parseFields(lines, n + 1, docOf);
      out.types.push({ name: type[1], comments: docOf(n), struct: fields });
      n = end;
    } else if (type && /^struct\s*\{\s*\}$/.test(type[3])) out.types.push({ name: type[1], comments: docOf(n), struct: [] });
    else if (type && type[3] && !type[3].startsWith('interface')) out.types.push({ name: type[1], comments: docOf(n), expr: parseTypeExpr(type[3]) });
    const method = /^func\s+\(\w+\s+\*?(\w+)\)\s+UnmarshalJSON\(/.exec(t);
    if (method) out.unmarshalers.push(method[1]);
  }
  return out;
}

function pushConst(out, c, comments) {
  if (c) out.consts.push({ ...c, comments });
}

/** Every non-test Go file of a package directory, merged. */
export function parseGoPackage(dir) {
  const pkg = { types: new Map(), consts: [], unmarshalers: new Set() };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.go') || name.endsWith('_test.go') || name === 'generated.pb.go') continue;
    const file = parseGoFile(readFileSync(join(dir, name), 'utf8'));
    for (const t of file.types) pkg.types.set(t.name, { ...t, imports: file.imports });
    for (const c of file.consts) pkg.consts.push({ ...c, imports: file.imports });
    for (const u of file.unmarshalers) pkg.unmarshalers.add(u);
  }
  return pkg;
}
