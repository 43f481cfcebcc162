// What the live kube-apiserver adds to the committed api/openapi-spec, recomputed from the Go
// types the way kube-openapi's openapi-gen does (k8s.io/kube-openapi pkg/generators: enum.go,
// openapi.go generateProperty/generateDefault/mustEnforceDefault):
//  - enums: a string field whose Go type is marked `+enum` gets `enum` (its constants' values) and
//    "Possible enum values:" appended to its description. The committed spec is generated with the
//    OpenAPIEnums gate off and lacks both; a real cluster (gate on by default) serves them.
//  - defaults (OpenAPI v3 only; /openapi/v2 prunes them): `+default=` markers, else the zero value
//    of a non-pointer field (`{}` for structs, "" / 0 / false for non-omitempty scalars), skipping
//    types that decode themselves (Time, Quantity, IntOrString...).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseGoPackage } from './openapi-gosrc.mjs';

const ZERO = { string: '', bool: false, byte: 0, int: 0, int8: 0, int16: 0, int32: 0, int64: 0, uint: 0, uint8: 0, uint16: 0, uint32: 0, uint64: 0, float32: 0, float64: 0 };

/** `io.k8s.api.core.v1.Pod` → { pkg: 'k8s.io/api/core/v1', name: 'Pod' } */
export function goNameOf(definition) {
  const parts = definition.split('.');
  return { pkg: `k8s.io/${parts.slice(2, -1).join('/')}`, name: parts[parts.length - 1] };
}

function tagValue(comments, key) {
  const values = comments.map((l) => l.trim()).filter((l) => l.startsWith(`+${key}=`) || l === `+${key}`).map((l) => l.slice(key.length + 2));
  if (values.length > 1) throw new Error(`more than one +${key}: ${values.join(', ')}`);
  return values[0] ?? '';
}

export class GoUniverse {
  constructor(roots) {
    this.roots = roots; // { 'k8s.io/api': dir, 'k8s.io/apimachinery': dir }
    this.pkgs = new Map();
  }

  pkg(path) {
    if (!this.pkgs.has(path)) {
      const root = Object.keys(this.roots).find((r) => path === r || path.startsWith(`${r}/`));
      const dir = root && join(this.roots[root], path.slice(root.length));
      this.pkgs.set(path, dir && existsSync(dir) ? parseGoPackage(dir) : undefined);
    }
    return this.pkgs.get(path);
  }

  /** A type reference {expr, pkg, imports} → the named declaration it names, if any. */
  decl(ref) {
    if (ref.expr.kind !== 'named') return undefined;
    const path = ref.expr.qualifier ? ref.imports.get(ref.expr.qualifier) : ref.pkg;
    const t = path && this.pkg(path)?.types.get(ref.expr.name);
    if (!t) throw new Error(`unknown Go type ${ref.expr.qualifier ?? ref.pkg}.${ref.expr.name}`);
    return { ...t, pkg: path };
  }

  sub(ref, expr) {
    return { expr, pkg: ref.pkg, imports: ref.imports };
  }

  /** kube-openapi's resolveAliasAndPtrType: follow pointers and named non-struct types. */
  resolve(ref) {
    for (;;) {
      if (ref.expr.kind === 'ptr') ref = this.sub(ref, ref.expr.elem);
      else if (ref.expr.kind === 'named' && this.decl(ref).expr) {
        const d = this.decl(ref);
        ref = { expr: d.expr, pkg: d.pkg, imports: d.imports };
      } else return ref;
    }
  }

  customUnmarshal(ref) {
    if (ref.expr.kind === 'ptr') return this.customUnmarshal(this.sub(ref, ref.expr.elem));
    if (ref.expr.kind !== 'named') return false;
    const d = this.decl(ref);
    return Boolean(d.struct) && this.pkg(d.pkg).unmarshalers.has(d.name);
  }

  /** The enum behind a field type (one pointer is looked through), or undefined. */
  enumOf(ref) {
    if (ref.expr.kind === 'ptr') ref = this.sub(ref, ref.expr.elem);
    if (ref.expr.kind !== 'named') return undefined;
    const d = this.decl(ref);
    const isEnum = d.expr?.kind === 'builtin' && d.expr.name === 'string' && d.comments.some((l) => /^\+enum(=|$)/.test(l.trim()));
    return isEnum ? this.enumValues(d) : undefined;
  }

  enumValues(d) {
    const values = [];
    for (const [path, pkg] of this.loadedPackages()) {
      for (const c of pkg.consts) {
        if (!c.type) continue;
        const t = splitQualified(c.type);
        if ((t.qualifier ? c.imports.get(t.qualifier) : path) !== d.pkg || t.name !== d.name) continue;
        addIfNotPresent(values, { name: c.name, value: this.constValue(c, path), comment: c.comments.join(' ') });
      }
    }
    return values;
  }

  /** A constant's string value, following `X = Y` and `X = T(pkg.Y)` to the literal. */
  constValue(c, path) {
    if (c.value !== undefined) return c.value;
    const id = splitQualified(c.expr);
    const where = id.qualifier ? c.imports.get(id.qualifier) : path;
    const target = where && this.pkg(where)?.consts.find((x) => x.name === id.name);
    if (!target) throw new Error(`cannot evaluate constant ${c.name} = ${c.expr}`);
    return this.constValue(target, where);
  }

  *loadedPackages() {
    for (const [path, pkg] of this.pkgs) if (pkg) yield [path, pkg];
  }

  /** mustEnforceDefault: the zero value a non-pointer field always serializes. */
  enforcedDefault(ref, omitEmpty) {
    if (this.customUnmarshal(ref)) return undefined;
    const { kind } = ref.expr;
    if (kind === 'ptr' || kind === 'map' || kind === 'slice') return undefined;
    if (kind === 'builtin') return omitEmpty ? undefined : ZERO[ref.expr.name];
    const d = this.decl(ref);
    const inner = { pkg: d.pkg, imports: d.imports };
    if (d.expr) return this.enforcedDefault({ ...inner, expr: d.expr }, omitEmpty);
    if (d.struct.length === 1 && d.struct[0].embedded) return this.enforcedDefault({ ...inner, expr: d.struct[0].type }, omitEmpty);
    return {};
  }

  /** defaultFromComments: a `+default=` marker on the field, else on its type (through pointers). */
  markedDefault(comments, commentPkg, ref) {
    let tag = tagValue(comments, 'default');
    while (!tag && ref) {
      if (ref.expr.kind === 'ptr') ref = this.sub(ref, ref.expr.elem);
      else if (ref.expr.kind !== 'named') ref = undefined;
      else {
        const d = this.decl(ref);
        tag = tagValue(d.comments, 'default');
        commentPkg = d.pkg;
        ref = d.expr ? { expr: d.expr, pkg: d.pkg, imports: d.imports } : undefined;
      }
    }
    if (!tag) return undefined;
    const sym = /^ref\(([^"]+)\)$/.exec(tag);
    if (!sym) return JSON.parse(tag);
    const c = this.pkg(commentPkg).consts.find((x) => x.name === sym[1]);
    if (!c) throw new Error(`+default=${tag}: no constant ${sym[1]} in ${commentPkg}`);
    return this.constValue(c, commentPkg);
  }

  /** generateDefault: the marked default, checked against (or else) the enforced one. */
  defaultOf(comments, commentPkg, ref, omitEmpty) {
    const marked = this.markedDefault(comments, commentPkg, ref);
    const enforced = this.enforcedDefault(ref, omitEmpty);
    if (enforced !== undefined && marked !== undefined && JSON.stringify(marked) !== JSON.stringify(enforced)) {
      throw new Error(`default ${JSON.stringify(marked)} contradicts the zero value ${JSON.stringify(enforced)}`);
    }
    return marked ?? enforced;
  }
}

function splitQualified(s) {
  const dot = s.indexOf('.');
  return dot === -1 ? { name: s } : { qualifier: s.slice(0, dot), name: s.slice(dot + 1) };
}

/** enum.go addIfNotPresent: one case per value; the longer comment wins. */
function addIfNotPresent(values, v) {
  const i = values.findIndex((x) => x.value === v.value);
  if (i === -1) values.push(v);
  else if (values[i].comment.length < v.comment.length || (values[i].comment.length === v.comment.length && values[i].comment > v.comment)) values[i] = v;
}

const goQuote = (s) => JSON.stringify(s);

/** The sorted `enum` values of a field (Go %q literals sorted, then unquoted). */
export function enumList(values) {
  return values.map((v) => goQuote(v.value)).sort(byBytes).map((q) => JSON.parse(q));
}

/** The "Possible enum values:" section, as generateDescription renders DescriptionLines(). */
export function enumSection(values) {
  const lines = values.map((v) => {
    const comment = v.comment.trim().replace(new RegExp(`^${v.name}`), '').trim().replace(/\s+/g, ' ');
    return ` - \`${goQuote(v.value)}\` ${comment}`.replace(/ +$/, '');
  });
  return ['Possible enum values:', ...lines.sort(byBytes)].join('\n');
}

function byBytes(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
