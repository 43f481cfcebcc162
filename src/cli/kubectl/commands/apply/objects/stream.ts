// cli-runtime's StreamVisitor with a Schema: each YAML or JSON document of a stream is checked
// (when validation is on) for apiVersion and kind before it is decoded; a syntax or validation
// error ends the stream, what came before it stays.
import { goJsonMarshal } from '../../../../../printers/jsonpath/gojson.js';
import { decodeJsonStream } from '../../../resource/files-json.js';
import { splitYamlDocuments } from '../../../resource/files-yaml.js';
import { yamlToJson } from '../../../../../printers/yaml/go-yaml-read.js';
import { decodeObject } from '../../../resource/files.js';

export type StreamItem = { object: Record<string, unknown> } | { error: Error };

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** validation.getObjectKind: what the schema check says about a document's type fields. */
export function objectKindErrors(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['invalid object to validate'];
  const o = value as Record<string, unknown>;
  const errs: string[] = [];
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (o.apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${o.apiVersion}`);
  if (o.kind === undefined || o.kind === null) errs.push('kind not set');
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

export function validationError(source: string, errs: string[]): Error {
  const detail = errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`;
  return new Error(`error validating ${JSON.stringify(source)}: error validating data: ${detail}; ${STOP_VALIDATE}`);
}

interface Doc {
  value: unknown;
  raw: () => string;
}

function documents(text: string): { docs: Doc[]; error?: string } {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(body.slice(0, 4096))) {
    const { docs, error } = decodeJsonStream(body);
    return { docs: docs.map((d) => ({ value: d.value, raw: () => d.raw.trim() })), ...(error ? { error: error.message } : {}) };
  }
  const { chunks, error } = splitYamlDocuments(body);
  const docs: Doc[] = [];
  for (const chunk of chunks) {
    const r = yamlToJson(chunk);
    if ('error' in r) return { docs, error: `error converting YAML to JSON: ${r.error}` };
    docs.push({ value: r.value, raw: () => goJsonMarshal(r.value) });
  }
  return { docs, ...(error ? { error: error.message } : {}) };
}

/** One stream's items, in order; `validate` adds the schema's apiVersion/kind check. */
export function decodeStream(text: string, source: string, validate: boolean): StreamItem[] {
  const { docs, error } = documents(text);
  const items: StreamItem[] = [];
  for (const d of docs) {
    if (d.value === null || d.value === undefined) continue;
    if (validate) {
      const errs = objectKindErrors(d.value);
      if (errs.length > 0) return [...items, { error: validationError(source, errs) }];
    }
    items.push(decodeObject(d.value, d.raw, source));
  }
  return error ? [...items, { error: new Error(`error parsing ${source}: ${error}`) }] : items;
}
