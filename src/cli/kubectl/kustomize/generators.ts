// configMapGenerator and secretGenerator: data from literals (`k=v`), files (`[key=]path`) and
// env files, generatorOptions and per-generator options (labels, annotations, immutable, no hash).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

function literal(s: string): [string, string] {
  const eq = s.indexOf('=');
  if (eq < 0) throw new Error(`invalid literal source ${s}, expected key=value`);
  return [s.slice(0, eq), unquote(s.slice(eq + 1))];
}

function envFile(dir: string, path: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of readFileSync(resolve(dir, path), 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) out.push([line, process.env[line] ?? '']);
    else out.push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  return out;
}

function fileSource(dir: string, spec: string): [string, Buffer] {
  const eq = spec.indexOf('=');
  const [key, path] = eq < 0 ? [basename(spec), spec] : [spec.slice(0, eq), spec.slice(eq + 1)];
  return [key, readFileSync(resolve(dir, path))];
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

function collect(dir: string, args: GeneratorArgs): { data: [string, string][]; binary: [string, Buffer][] } {
  const data: [string, string][] = [];
  const binary: [string, Buffer][] = [];
  for (const e of [...(args.envs ?? []), ...(args.env ? [args.env] : [])]) data.push(...envFile(dir, e));
  for (const l of args.literals ?? []) data.push(literal(l));
  for (const f of args.files ?? []) {
    const [k, b] = fileSource(dir, f);
    if (isUtf8(b)) data.push([k, b.toString('utf8')]);
    else binary.push([k, b]);
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
