// configMapGenerator and secretGenerator: data from literals (`k=v`), files (`[key=]path`) and
// env files, generatorOptions and per-generator options (labels, annotations, immutable, no hash).
import { basename } from 'node:path';
import { goQuote } from '../../../printers/go-quote.js';
import { loadFileBytes, loadFile } from './loader.js';
import { Resource, type Json } from './resource.js';

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  type?: string;
  options?: GeneratorOptions;
}

/** removeQuotes: one pair of matching double or single quotes around the value. */
function unquote(v: string): string {
  if (v.length < 2 || v[0] !== v[v.length - 1]) return v;
  return v[0] === '"' || v[0] === "'" ? v.slice(1, -1) : v;
}

function literal(s: string): [string, string] {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${s}, expected key=value`);
  return [s.slice(0, eq), unquote(s.slice(eq + 1))];
}

/** keyValuesFromLines: KEY=value lines; blank lines and comments skipped; a bare KEY is empty. */
function envLines(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    out.push(eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)]);
  }
  return out;
}

/** generators.ParseFileSource: [key=]path. */
function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [basename(source), source];
  if (n === 1 && source.startsWith('=')) throw new Error(`missing key name for file path ${goQuote(source.slice(1))} in source ${goQuote(source)}`);
  if (n === 1 && source.endsWith('=')) throw new Error(`missing file path for key name ${goQuote(source.slice(0, -1))} in source ${goQuote(source)}`);
  if (n > 1) throw new Error(`source ${goQuote(source)} key name or file path contains '='`);
  const [key, path] = source.split('=') as [string, string];
  return [key, path];
}

const isUtf8 = (b: Buffer): boolean => Buffer.from(b.toString('utf8'), 'utf8').equals(b);

function meta(args: GeneratorArgs, opts: GeneratorOptions): Json {
  const m: Json = { name: args.name ?? '' };
  if (args.namespace) m.namespace = args.namespace;
  const labels = { ...(opts.labels ?? {}), ...(args.options?.labels ?? {}) };
  const annotations = { ...(opts.annotations ?? {}), ...(args.options?.annotations ?? {}) };
  if (Object.keys(labels).length > 0) m.labels = labels;
  if (Object.keys(annotations).length > 0) m.annotations = annotations;
  return m;
}

/** kv loader's Load: env files, then literals, then files, each failure named by its sources. */
function load(dir: string, args: GeneratorArgs): [string, Buffer | string][] {
  const out: [string, Buffer | string][] = [];
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  const step = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      throw new Error(`loading KV pairs: ${what}: ${(err as Error).message}`);
    }
  };
  step(`env source files: [${envs.join(' ')}]`, () => {
    for (const e of envs) out.push(...envLines(loadFile(dir, e)));
  });
  step(`literal sources [${(args.literals ?? []).join(' ')}]`, () => {
    for (const l of args.literals ?? []) out.push(literal(l));
  });
  step(`file sources: [${(args.files ?? []).join(' ')}]`, () => {
    for (const f of args.files ?? []) {
      const [key, path] = parseFileSource(f);
      out.push([key, loadFileBytes(dir, path)]);
    }
  });
  return out;
}

/** makeValidatedDataMap: a key may come once only. */
function collect(dir: string, args: GeneratorArgs): { data: [string, string][]; binary: [string, Buffer][] } {
  if (!args.name) throw new Error('a configmap must have a name');
  const data: [string, string][] = [];
  const binary: [string, Buffer][] = [];
  const seen = new Set<string>();
  for (const [k, v] of load(dir, args)) {
    if (seen.has(k)) throw new Error(`configmap ${args.name} illegally repeats the key \`${k}\``);
    seen.add(k);
    if (typeof v === 'string' || isUtf8(v)) data.push([k, v.toString()]);
    else binary.push([k, v]);
  }
  return { data, binary };
}

function finish(obj: Json, args: GeneratorArgs, opts: GeneratorOptions): Resource {
  const immutable = args.options?.immutable ?? opts.immutable;
  if (immutable) obj.immutable = true;
  const r = new Resource(obj);
  r.needsHash = !(args.options?.disableNameSuffixHash ?? opts.disableNameSuffixHash ?? false);
  r.behavior = args.behavior ?? 'create';
  return r;
}

export function configMap(dir: string, args: GeneratorArgs, opts: GeneratorOptions): Resource {
  const { data, binary } = collect(dir, args);
  const obj: Json = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(args, opts) };
  if (data.length > 0) obj.data = Object.fromEntries(data);
  if (binary.length > 0) obj.binaryData = Object.fromEntries(binary.map(([k, b]) => [k, b.toString('base64')]));
  return finish(obj, args, opts);
}

export function secret(dir: string, args: GeneratorArgs, opts: GeneratorOptions): Resource {
  const { data, binary } = collect(dir, args);
  const all = [...data.map(([k, v]): [string, string] => [k, Buffer.from(v, 'utf8').toString('base64')]), ...binary.map(([k, b]): [string, string] => [k, b.toString('base64')])];
  const obj: Json = { apiVersion: 'v1', kind: 'Secret', metadata: meta(args, opts), type: args.type || 'Opaque' };
  if (all.length > 0) obj.data = Object.fromEntries(all);
  return finish(obj, args, opts);
}
