// The key/value sources of configmaps and secrets: --from-literal=key=value, --from-file=[key=]path
// (a directory: each regular file in it, by name), --from-env-file=path (KEY=value lines).
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { goErrno, goQuote } from './go-strings.js';
import { isEnvVarName } from './validation.js';

export interface SourceSink {
  /** a literal, or a line of an env file */
  text(key: string, value: string): void;
  /** a file's bytes */
  file(key: string, data: Buffer): void;
}

export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: `path` (key = its base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [posix.basename(source.replace(/\/+$/, '')) || (source.startsWith('/') ? '/' : '.'), source];
  if (n === 1 && source.startsWith('=')) throw new Error(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new Error(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new Error("key names or file paths cannot contain '='");
  const [key, path] = source.split('=') as [string, string];
  return [key, path];
}

const onDisk = (cwd: string, path: string): string => (isAbsolute(path) ? path : join(cwd, path));

function statOf(cwd: string, path: string): Stats {
  try {
    return statSync(onDisk(cwd, path)) as Stats;
  } catch (err) {
    throw new Error(`error reading ${path}: ${goErrno(err)}`);
  }
}

function readBytes(cwd: string, path: string): Buffer {
  try {
    return readFileSync(onDisk(cwd, path));
  } catch (err) {
    throw new Error(`open ${path}: ${goErrno(err)}`);
  }
}

export function addLiteralSources(sink: SourceSink, sources: string[]): void {
  for (const s of sources) sink.text(...parseLiteralSource(s));
}

export function addFileSources(sink: SourceSink, sources: string[], cwd: string): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    if (!statOf(cwd, path).isDirectory()) {
      sink.file(key, readBytes(cwd, path));
      continue;
    }
    if (source.includes('=')) throw new Error('cannot give a key name for a directory path');
    const entries = readdirSync(onDisk(cwd, path), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const item of entries) {
      if (item.isFile()) sink.file(item.name, readBytes(cwd, posix.join(path, item.name)));
    }
  }
}

const BOM = '\ufeff';

/** One line of an env file: undefined for blank and comment lines. */
function envLine(line: string, index: number, path: string, env: Record<string, string | undefined>): [string, string] | undefined {
  const text = (index === 0 && line.startsWith(BOM) ? line.slice(1) : line).replace(/^\s+/u, '');
  if (text === '' || text.startsWith('#')) return undefined;
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  const errs = isEnvVarName(key);
  if (errs.length > 0) throw new Error(`${goQuote(key)} is not a valid key name: ${errs.join(';')}`);
  return [key, eq < 0 ? (env[key] ?? '') : text.slice(eq + 1)];
}

function envLines(data: Buffer, path: string): string[] {
  const lines = data.toString('latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, i) => {
    const bytes = Buffer.from(raw.endsWith('\r') ? raw.slice(0, -1) : raw, 'latin1');
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new Error(`env file ${path} contains invalid utf8 bytes at line ${i + 1}: [${[...bytes].join(' ')}]`);
    }
  });
}

export function addEnvFileSources(sink: SourceSink, sources: string[], cwd: string, env: Record<string, string | undefined>, dirError: string): void {
  for (const path of sources) {
    if (statOf(cwd, path).isDirectory()) throw new Error(dirError);
    envLines(readBytes(cwd, path), path).forEach((line, i) => {
      const kv = envLine(line, i, path, env);
      if (kv) sink.text(...kv);
    });
  }
}
