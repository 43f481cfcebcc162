// ReplacementTransformer (replacement.Filter, kustomize api v0.18.0): each replacement takes one
// value from its one source resource (fieldPath, default metadata.name, optionally one part of a
// delimited string) and writes it into the fieldPaths of every target its selectors pick, refusing
// a path that is not there unless told to create it. Selection is by exact group, version, kind,
// name and namespace (not regular expressions), plus label and annotation selectors.
import { goQuote } from '../../../printers/go-quote.js';
import { effectiveNamespace, idString, loadFile, resourceIds, type Id } from './loader.js';
import type { Resource, Json } from './resource.js';
import { matchesSelector } from './patches.js';
import { yamlToJson } from '../../../printers/yaml/go-yaml-read.js';
import { toKubectlYaml } from '../../../printers/yaml.js';

interface FieldOptions { delimiter?: string; index?: number; encoding?: string; create?: boolean }
interface Sel { group?: string; version?: string; kind?: string; name?: string; namespace?: string; labelSelector?: string; annotationSelector?: string }
interface Replacement {
  source?: Sel & { fieldPath?: string; options?: FieldOptions };
  targets?: ({ select?: Sel; reject?: Sel[]; fieldPaths?: string[]; options?: FieldOptions } | null)[];
}
export type ReplacementField = Replacement & { path?: string };

const DEFAULT_PATH = 'metadata.name';
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** SmarterPathSplitter: dots split, except inside [k=v] and after a backslash. */
function splitPath(path: string): string[] {
  let ps = path.split('.');
  if (ps.length > 1 && ps[0] === '') ps = ps.slice(1);
  const joined: string[] = [ps[0]!];
  for (const p of ps.slice(1)) {
    const last = joined.length - 1;
    if (joined[last]!.endsWith('\\')) joined[last] = `${joined[last]!.slice(0, -1)}.${p}`;
    else joined.push(p);
  }
  const out: string[] = [];
  for (let i = 0; i < joined.length; i++) {
    const e = joined[i]!;
    if (!e.startsWith('[') || e.endsWith(']')) {
      out.push(e);
      continue;
    }
    const parts = [e];
    while (i < joined.length - 1) {
      parts.push(joined[++i]!);
      if (joined[i]!.endsWith(']')) break;
    }
    const s = parts.join('.');
    out.push(s.includes('=') ? s : s.replace(/^\[+|\]+$/g, ''));
  }
  return out;
}

interface Slot { parent: Json | unknown[]; key: string | number }

const elementMatch = (part: string): [string, string] | undefined => {
  const m = /^\[([^=]*)=(.*)\]$/.exec(part);
  return m ? [m[1]!, m[2]!] : undefined;
};

const scalarText = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** PathMatcher: the slots a path reaches, created along the way when create is set. */
function matchPath(node: unknown, parts: string[], create: unknown): Slot[] {
  const [part, ...rest] = parts;
  if (part === undefined) return [];
  const descend = (parent: Json | unknown[], key: string | number): Slot[] => {
    if (rest.length === 0) return [{ parent, key }];
    let child = (parent as Record<string | number, unknown>)[key];
    if ((child === undefined || child === null) && create !== undefined) {
      child = elementMatch(rest[0]!) || /^\d+$/.test(rest[0]!) ? [] : {};
      (parent as Record<string | number, unknown>)[key] = child;
    }
    return matchPath(child, rest, create);
  };
  if (Array.isArray(node)) {
    const el = elementMatch(part);
    if (part === '*') return node.flatMap((_, i) => descend(node, i));
    if (/^\d+$/.test(part)) return Number(part) < node.length ? descend(node, Number(part)) : [];
    if (!el) return [];
    const [k, v] = el;
    const hits = node.map((x, i) => [x, i] as const).filter(([x]) => (k === '' ? scalarText(x) === v : isMap(x) && scalarText(x[k]) === v));
    if (hits.length === 0 && create !== undefined) {
      node.push(k === '' ? v : { [k]: v });
      return descend(node, node.length - 1);
    }
    return hits.flatMap(([, i]) => descend(node, i));
  }
  if (!isMap(node)) return [];
  if (part === '*') return Object.keys(node).flatMap((k) => descend(node, k));
  if (!(part in node) || node[part] === null) {
    if (create === undefined) return [];
    if (rest.length === 0) return [{ parent: node, key: part }];
  }
  return descend(node, part);
}

/** ResId.IsSelectedBy */
function selectedBy(id: Id, s: Sel): boolean {
  return (!s.name || s.name === id.name) && (!s.namespace || effectiveNamespace(s.kind ?? '', s.namespace) === effectiveNamespace(id.kind, id.namespace))
    && (!s.group || s.group === id.group) && (!s.version || s.version === id.version) && (!s.kind || s.kind === id.kind);
}

const selString = (s: Sel): string => idString({ group: s.group ?? '', version: s.version ?? '', kind: s.kind ?? '', name: s.name ?? '', namespace: s.namespace ?? '' });

function labelsAndAnnotations(r: Resource, s: Sel): boolean {
  const meta = isMap(r.obj.metadata) ? r.obj.metadata : {};
  return matchesSelector(s.annotationSelector, meta.annotations) && matchesSelector(s.labelSelector, meta.labels);
}

function sourceValue(rs: Resource[], rep: Replacement): unknown {
  const src = rep.source!;
  // SourceSelector.String, before the default field path is filled in
  const o = src.options;
  const opts = o && (o.delimiter || o.create) ? `${o.delimiter ?? ''}(${o.index ?? 0}), create=${o.create === true}` : '';
  const described = [selString(src), src.fieldPath ?? '', opts].filter((x) => x !== '').join(':');
  const path = src.fieldPath || DEFAULT_PATH;
  const matches = rs.filter((r) => resourceIds(r).some((id) => selectedBy(id, src)));
  if (matches.length > 1) throw new Error(`multiple matches for selector ${described}`);
  if (matches.length === 0) throw new Error(`nothing selected by ${described}`);
  const slot = matchPath(matches[0]!.obj, splitPath(path), undefined)[0];
  const value = slot ? (slot.parent as Record<string | number, unknown>)[slot.key] : undefined;
  const empty = value === undefined || value === null || (isMap(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0);
  if (empty) throw new Error(`fieldPath \`${path}\` is missing for replacement source ${selString(src)}`);
  if (!o?.delimiter) return value;
  if (isMap(value) || Array.isArray(value)) throw new Error('delimiter option can only be used with scalar nodes');
  const parts = scalarText(value).split(o.delimiter);
  const i = o.index ?? 0;
  if (i >= parts.length || i < 0) throw new Error(`options.index ${i} is out of bounds for value ${scalarText(value)}`);
  return parts[i];
}

/** A plain scalar's value under YAML 1.2's core schema (go-yaml v3). */
function resolvePlain(text: string): unknown {
  if (/^(?:null|Null|NULL|~|)$/.test(text)) return null;
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text)) return text.toLowerCase() === 'true';
  if (/^[-+]?[0-9]+$/.test(text) || /^0x[0-9a-fA-F]+$/.test(text) || /^0o[0-7]+$/.test(text)) return Number(text.replace(/^0o/, '0o'));
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}

function setValue(slot: Slot, value: unknown, o: FieldOptions | undefined): void {
  const box = slot.parent as Record<string | number, unknown>;
  const current = box[slot.key];
  let v = structuredClone(value);
  if (o?.delimiter) {
    if (isMap(current) || Array.isArray(current)) throw new Error('delimiter option can only be used with scalar nodes');
    const tv = scalarText(current).split(o.delimiter);
    const i = o.index ?? 0;
    if (i < 0) tv.unshift(scalarText(v));
    else if (i >= tv.length) tv.push(scalarText(v));
    else tv[i] = scalarText(v);
    v = tv.join(o.delimiter);
  }
  // a scalar target keeps its node (and tag), taking only the value's text; one just created has
  // no tag, so its text is resolved again as a plain scalar
  if (!isMap(v) && !Array.isArray(v)) {
    if (typeof current === 'string') v = scalarText(v);
    else if (current === undefined || current === null) v = resolvePlain(scalarText(v));
  }
  box[slot.key] = v;
}

function apply(rs: Resource[], rep: Replacement): void {
  if (!rep.source || !rep.targets) throw new Error('replacements must specify a source and at least one target');
  const value = sourceValue(rs, rep);
  for (const t of rep.targets) {
    if (!t?.select) throw new Error('target must specify resources to select');
    const paths = t.fieldPaths?.length ? t.fieldPaths : [DEFAULT_PATH];
    for (const r of rs) {
      if (!labelsAndAnnotations(r, t.select)) continue;
      if ((t.reject ?? []).some((x) => (x.labelSelector || x.annotationSelector) && labelsAndAnnotations(r, x))) continue;
      const ids = resourceIds(r);
      const rejected = (t.reject ?? []).some((x) => selString(x) !== selString({}) && ids.some((id) => selectedBy(id, x)));
      if (!ids.some((id) => selectedBy(id, t.select!)) || rejected) continue;
      for (const fp of paths) {
        const create = t.options?.create ? value : undefined;
        const slots = matchPath(r.obj, splitPath(fp), create);
        if (slots.length === 0) throw new Error(`unable to find${create !== undefined ? ' or create' : ''} field ${goQuote(fp)} in replacement target`);
        for (const s of slots) setValue(s, value, t.options);
      }
    }
  }
}

/** The transformer's Config: inline replacements, and files holding one or a list. */
function load(root: string, fields: ReplacementField[]): Replacement[] {
  const out: Replacement[] = [];
  for (const f of fields) {
    if (f.path && (f.source || (f.targets ?? []).length > 0)) throw new Error('cannot specify both path and inline replacement');
    if (!f.path) {
      out.push(f);
      continue;
    }
    const r = yamlToJson(loadFile(root, f.path));
    if ('error' in r) throw new Error(r.error);
    if (Array.isArray(r.value)) out.push(...(r.value as Replacement[]));
    else if (isMap(r.value)) out.push(r.value as Replacement);
    else throw new Error(`unsupported replacement type encountered within replacement path: ${r.value === null ? 'invalid' : typeof r.value === 'string' ? 'string' : typeof r.value === 'number' ? (Number.isInteger(r.value) ? 'int' : 'float64') : 'bool'}`);
  }
  return out;
}

/** Configures the replacements (before any transformer runs); the returned step applies them. */
export function replacementTransformer(root: string, fields: ReplacementField[] | undefined): ((rs: Resource[]) => void) | undefined {
  if (!fields || fields.length === 0) return undefined;
  let reps: Replacement[];
  try {
    reps = load(root, fields);
  } catch (err) {
    throw new Error(`trouble configuring builtin ReplacementTransformer with config: \`\n${toKubectlYaml({ Replacements: fields })}\`: ${(err as Error).message}`);
  }
  return (rs) => {
    for (const rep of reps) apply(rs, rep);
  };
}

