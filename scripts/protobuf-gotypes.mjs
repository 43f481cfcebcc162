// Reads the Go declarations scripts/protobuf-extract.mjs needs from a package of Go API types
// (k8s.io/api, k8s.io/apimachinery): each struct's fields in declaration order with their names,
// type expressions and struct tags, and the named non-struct types (`type ExtraValue []string`).
// A deliberately small reader for gofmt'ed API type files, not a Go parser: it fails loudly on
// anything it does not understand inside a struct.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `json:"name,omitempty" protobuf:"bytes,1,opt,name=x"` → { json: 'name,omitempty', protobuf: '...' } */
export function parseTags(tag) {
  const out = {};
  for (const m of tag.matchAll(/(\w+):"((?:[^"\\]|\\.)*)"/g)) out[m[1]] = m[2];
  return out;
}

/** One struct field line (comments already removed): name, type, embedded, tags; or { bad }. */
export function parseField(line) {
  const tagAt = line.indexOf('`');
  const tags = tagAt === -1 ? {} : parseTags(line.slice(tagAt + 1, line.lastIndexOf('`')));
  const decl = (tagAt === -1 ? line : line.slice(0, tagAt)).trim().replace(/interface\{\}/g, 'any');
  if (/[{}(,]/.test(decl)) return { bad: line }; // the extractor refuses structs it has to use with these
  const parts = decl.split(/\s+/);
  if (parts.length === 1) {
    const type = parts[0];
    return { name: type.replace(/^\*/, '').replace(/^\w+\./, ''), type, embedded: true, tags };
  }
  return { name: parts[0], type: parts.slice(1).join(' '), embedded: false, tags };
}

const stripComment = (line) => {
  const at = line.indexOf('//');
  if (at === -1) return line;
  const tick = line.indexOf('`');
  return tick !== -1 && tick < at ? line.slice(0, line.lastIndexOf('`') + 1) : line.slice(0, at);
};

function structBody(lines, start, where) {
  const fields = [];
  let inComment = false;
  for (let i = start; i < lines.length; i++) {
    const line = stripComment(lines[i]).trim();
    if (inComment || line.startsWith('/*')) {
      inComment = !line.includes('*/');
      continue;
    }
    if (line === '}') return { fields, end: i };
    if (line) fields.push(parseField(line));
  }
  throw new Error(`unterminated struct at ${where}`);
}

/** The declarations of one Go file: structs (name → fields) and other named types (name → type). */
export function parseGoFile(text, file = '<go>') {
  const structs = new Map();
  const named = new Map();
  const lines = text.split('\n');
  let inBlockComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inBlockComment) {
      inBlockComment = !line.includes('*/');
      continue;
    }
    if (line.startsWith('/*')) {
      inBlockComment = !line.includes('*/');
      continue;
    }
    const struct = /^type (\w+) struct \{\s*(\}?)/.exec(line);
    if (struct) {
      if (struct[2]) structs.set(struct[1], []);
      else {
        const { fields, end } = structBody(lines, i + 1, `${file}:${i + 1}`);
        structs.set(struct[1], fields);
        i = end;
      }
      continue;
    }
    const other = /^type (\w+) ([^=\s].*?)\s*(\/\/.*)?$/.exec(line);
    if (other && !other[2].startsWith('interface')) named.set(other[1], other[2]);
  }
  return { structs, named };
}

/** Every non-test, non-generated .go file of a package directory, merged. */
export function parseGoPackage(dir) {
  const pkg = { structs: new Map(), named: new Map() };
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.go') || f.endsWith('_test.go') || f.startsWith('zz_generated') || f.startsWith('generated.')) continue;
    const { structs, named } = parseGoFile(readFileSync(join(dir, f), 'utf8'), join(dir, f));
    for (const [k, v] of structs) pkg.structs.set(k, v);
    for (const [k, v] of named) pkg.named.set(k, v);
  }
  return pkg;
}
