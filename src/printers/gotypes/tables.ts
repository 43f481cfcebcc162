// The Go type tables of the Kubernetes API (k8s.io/api, k8s.io/apimachinery v0.32): each served
// kind's struct and every struct's fields in Go declaration order, read once from
// fixtures/protobuf/kube-v1.32-protobuf.json. kubectl's typed printing and the apiserver's JSON
// decoding checks both read them from here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** [json name, field number, type, flags (o omitempty, p pointer, r repeated, m map, i inline), Go name] */
export type Row = [string, number, string, string, string?];

export interface GoTypeTables {
  groupVersions: Record<string, string>;
  kinds: Record<string, string[]>;
  /** `<pkg>.<Name>` → rows, or `list:<type>` for a named Go slice. */
  messages: Record<string, Row[] | string>;
}

const DATA_FILE = join('fixtures', 'protobuf', 'kube-v1.32-protobuf.json');

function dataPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, DATA_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`the Kubernetes type tables (${DATA_FILE}) were not found`);
  }
}

let data: GoTypeTables | undefined;

export function goTypeTables(): GoTypeTables {
  data ??= JSON.parse(readFileSync(dataPath(), 'utf8')) as GoTypeTables;
  return data;
}

/** The Go type key (`apps/v1.Deployment`) of an apiVersion and kind the scheme knows. */
export function goTypeKey(apiVersion: string, kind: string): string | undefined {
  const s = goTypeTables();
  const pkg = s.groupVersions[apiVersion];
  if (pkg === undefined || !(s.kinds[pkg] ?? []).includes(kind)) return undefined;
  return Array.isArray(s.messages[`${pkg}.${kind}`]) ? `${pkg}.${kind}` : undefined;
}

/** A struct's rows, undefined for a named slice or an unknown key. */
export function structRows(typeKey: string): Row[] | undefined {
  const entry = goTypeTables().messages[typeKey];
  return Array.isArray(entry) ? entry : undefined;
}

/** The element type of a named Go slice (`authentication/v1.ExtraValue` → `string`). */
export function listElement(typeKey: string): string | undefined {
  const entry = goTypeTables().messages[typeKey];
  return typeof entry === 'string' ? entry.slice('list:'.length) : undefined;
}
