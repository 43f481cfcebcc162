// -f FILE as kubectl reads it (cli-runtime's FilenameParam, Path, FileVisitor, StreamVisitor):
// files, directories (-R to recurse; inside a directory only .json/.yaml/.yml), globs, `-` for
// stdin, http(s) URLs; each stream holds YAML documents or JSON values, decoded to objects, with
// kubectl's error texts (`the path "x" does not exist`, `error parsing x.yaml: error converting
// YAML to JSON: yaml: line 5: …`, `unable to decode "x.yaml": Object 'Kind' is missing in '…'`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { goJsonMarshal } from '../../../printers/jsonpath/gojson.js';
import { transportError } from '../../../client/transport-error.js';
import { readAll, type Io } from '../../shared/io.js';
import { BadPatternError, glob } from './files-glob.js';
import { decodeJsonStream } from './files-json.js';
import { splitYamlDocuments } from './files-yaml.js';
import { metadataError } from './object-meta.js';
import { yamlToJson } from '../../../printers/yaml/go-yaml-read.js';
import { goErrnoText } from '../../../client/go-errno.js';

export const FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];
export const STDIN_SOURCE = 'STDIN';
export const STDIN_MULTI_USE = 'standard input cannot be used for multiple arguments';

export interface FilenameOptions {
  filenames: string[];
  recursive: boolean;
  kustomize: string;
}

export type Source = { type: 'stdin' } | { type: 'file'; path: string } | { type: 'url'; url: string } | { type: 'kustomize'; dir: string };

/** What FilenameParam makes of -f/-k: the streams to read, in order, and the errors found. */
export interface FilePlan {
  sources: Source[];
  errors: Error[];
  /** one plain file given (not a directory, stdin or -R): the builder's singleItemImplied */
  singleFile: boolean;
  dir: boolean;
  stream: boolean;
}

/** A decoded object (a List stays whole; the builder flattens it) or why a document failed. */
export type ManifestItem = { source: string; object: Record<string, unknown> } | { source: string; error: Error };

export const sourceName = (s: Source): string => (s.type === 'stdin' ? STDIN_SOURCE : s.type === 'file' ? s.path : s.type === 'url' ? s.url : s.dir);

const extOf = (p: string): string => {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
};

/** ExpandPathsToFileVisitors: filepath.Walk order; subdirectories only with -R. */
function walk(cwd: string, root: string, recursive: boolean): string[] {
  const out: string[] = [];
  const visit = (p: string, top: boolean): void => {
    const st = statSync(resolve(cwd, p));
    if (!st.isDirectory()) {
      if (top || FILE_EXTENSIONS.includes(extOf(p))) out.push(p);
      return;
    }
    if (!top && !recursive) return;
    for (const name of readdirSync(resolve(cwd, p)).sort()) visit(join(p, name), false);
  };
  visit(root, true);
  return out;
}

function expandPattern(s: string, cwd: string): string[] {
  try {
    statSync(resolve(cwd, s));
    return [s];
  } catch {
    let matches: string[];
    try {
      matches = glob(s, cwd);
    } catch (err) {
      if (err instanceof BadPatternError) throw new Error(`pattern ${JSON.stringify(s)} is not valid: ${err.message}`);
      throw err;
    }
    if (matches.length === 0) throw new Error(`the path ${JSON.stringify(s)} does not exist`);
    return matches;
  }
}

function addPaths(plan: FilePlan, cwd: string, recursive: boolean, paths: string[]): void {
  for (const p of paths) {
    try {
      statSync(resolve(cwd, p));
    } catch {
      plan.errors.push(new Error(`the path ${JSON.stringify(p)} does not exist`));
      continue;
    }
    const files = walk(cwd, p, recursive);
    if (files.length > 1) plan.dir = true;
    plan.sources.push(...files.map((path): Source => ({ type: 'file', path })));
  }
  if (plan.sources.length === 0 && plan.errors.length === 0) {
    plan.errors.push(new Error(`error reading [${paths.join(' ')}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]`));
  }
}

/** FilenameParam: validates -f/-k and expands every -f into the streams to read. */
export function planFiles(o: FilenameOptions, cwd: string): FilePlan {
  const plan: FilePlan = { sources: [], errors: [], singleFile: false, dir: false, stream: false };
  if (o.filenames.length > 0 && o.kustomize !== '') plan.errors.push(new Error('only one of -f or -k can be specified'));
  if (o.kustomize !== '' && o.recursive) plan.errors.push(new Error("the -k flag can't be used with -f or -R"));
  if (plan.errors.length > 0) return plan;
  let stdinUsed = false;
  for (const s of o.filenames) {
    if (s === '-') {
      if (stdinUsed) plan.errors.push(new Error(STDIN_MULTI_USE));
      stdinUsed = true;
      plan.stream = true;
      plan.sources.push({ type: 'stdin' });
    } else if (s.startsWith('http://') || s.startsWith('https://')) {
      plan.sources.push({ type: 'url', url: s });
    } else {
      let matches: string[];
      try {
        matches = expandPattern(s, cwd);
      } catch (err) {
        plan.errors.push(err as Error);
        continue;
      }
      if (!o.recursive && matches.length === 1) plan.singleFile = true;
      addPaths(plan, cwd, o.recursive, matches);
    }
  }
  // the KustomizeVisitor: the directory's build is one stream (its own errors come when it is read)
  if (o.kustomize !== '') plan.sources.push({ type: 'kustomize', dir: o.kustomize });
  return plan;
}

/**
 * The resource builder's readHttpWithRetries: three tries, another only after a transport error or
 * a 5xx. A transport error is http.Get's (a refused connection is kubectl's "The connection to the
 * server <host> was refused"), not fetch's 'fetch failed'.
 */
export async function readUrl(url: string): Promise<string> {
  let last: Error = new Error(`unable to read URL ${JSON.stringify(url)}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const r = await httpGet(new URL(url));
      if (r.status === 200) return r.body;
      last = new Error(`unable to read URL ${JSON.stringify(url)}, server reported ${r.status} ${r.statusText}, status code=${r.status}`);
      if (r.status < 500) break;
    } catch (err) {
      last = transportError('GET', new URL(url), err as Error);
    }
  }
  throw last;
}

/** http.Get: any port (fetch refuses some), the system's roots for https (as Go trusts). */
async function httpGet(url: URL): Promise<{ status: number; statusText: string; body: string }> {
  const [{ get: httpsGet }, { get: plainGet }, { systemRoots }] = await Promise.all([import('node:https'), import('node:http'), import('../../../client/roots.js')]);
  return new Promise((done, fail) => {
    const onResponse = (res: import('node:http').IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    };
    const req = url.protocol === 'https:' ? httpsGet(url, { ca: systemRoots() }, onResponse) : plainGet(url, onResponse);
    req.on('error', fail);
  });
}

export async function readText(s: Source, io: Io): Promise<string> {
  if (s.type === 'stdin') return (await readAll(io.stdin)).toString('utf8');
  if (s.type === 'url') return readUrl(s.url);
  if (s.type === 'kustomize') return (await import('../kustomize/build.js')).buildKustomization(s.dir, io);
  try {
    return readFileSync(resolve(io.cwd, s.path), 'utf8');
  } catch (err) {
    throw new Error(`open ${s.path}: ${goErrnoText(err)}`);
  }
}

const GO_TYPE: Record<string, string> = { string: 'string', number: 'number', boolean: 'bool' };

/**
 * The builder's decoders: the unstructured one's checks (an object, a List when it has `items`,
 * with a kind), then metadataValidatingDecoder's (the metadata must fit ObjectMeta).
 */
export function decodeObject(value: unknown, raw: () => string, source: string): ManifestItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const t = Array.isArray(value) ? 'array' : (GO_TYPE[typeof value] ?? 'value');
    return { source, error: new Error(`unable to decode ${JSON.stringify(source)}: json: cannot unmarshal ${t} into Go value of type unstructured.detector`) };
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    return { source, error: new Error(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${raw()}'`) };
  }
  const metaErr = metadataError(obj);
  if (metaErr) return { source, error: new Error(`unable to decode ${JSON.stringify(source)}: ${metaErr}`) };
  return { source, object: obj };
}

/** One stream's documents, decoded; a syntax error ends the stream (what came before stays). */
export function decodeManifests(text: string, source: string): ManifestItem[] {
  const body = text.replace(/^\uFEFF/, '');
  const parseError = (msg: string): ManifestItem => ({ source, error: new Error(`error parsing ${source}: ${msg}`) });
  if (/^\s*\{/.test(body.slice(0, 4096))) {
    const { docs, error } = decodeJsonStream(body);
    const items = docs.filter((d) => d.value !== null).map((d) => decodeObject(d.value, () => d.raw.trim(), source));
    return error ? [...items, parseError(error.message)] : items;
  }
  const { chunks, error } = splitYamlDocuments(body);
  const items: ManifestItem[] = [];
  for (const chunk of chunks) {
    const r = yamlToJson(chunk);
    if ('error' in r) return [...items, parseError(`error converting YAML to JSON: ${r.error}`)];
    if (r.value === null || r.value === undefined) continue;
    items.push(decodeObject(r.value, () => goJsonMarshal(r.value), source));
  }
  return error ? [...items, parseError(error.message)] : items;
}

/** Reads and decodes one stream; a failure to read becomes the stream's only item. */
export async function readSource(s: Source, io: Io): Promise<ManifestItem[]> {
  const source = sourceName(s);
  let text: string;
  try {
    text = await readText(s, io);
  } catch (err) {
    return [{ source, error: err as Error }];
  }
  return decodeManifests(text, source);
}

/** A List's items, each given the list's apiVersion and kind (minus `List`) when it has neither. */
export function listItems(list: Record<string, unknown>): Record<string, unknown>[] {
  const items = Array.isArray(list.items) ? (list.items as unknown[]) : [];
  const kind = typeof list.kind === 'string' ? list.kind.replace(/List$/, '') : '';
  return items.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object').map((i) => (
    i.kind === undefined && i.apiVersion === undefined ? { apiVersion: list.apiVersion, kind, ...i } : i
  ));
}

export const isList = (o: Record<string, unknown>): boolean => 'items' in o;
