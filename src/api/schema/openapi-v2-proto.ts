// /openapi/v2 as protobuf: the JSON document (v2Document) encoded as gnostic's openapi.v2.Document,
// what kube-openapi's handler sends for `Accept: application/com.github.proto-openapi.spec.v2...`
// (it parses its JSON with gnostic's ParseDocument and marshals the result). kubectl reads it for
// `explain --output plaintext-openapiv2` and for client-side validation (kind: List files).
// Encoding follows proto3 as Go marshals it: fields by number, zero scalars left out, a present
// message written even when empty, a oneof member written even when zero.
import { stringify } from 'yaml';
import { openapiV2Message } from './openapi-v2-messages.js';
import type { FieldDescriptor } from './openapi-v2-messages.js';
import { ProtoWriter } from './proto-writer.js';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const entriesOf = (v: Json): [string, Json][] => (isObject(v) ? Object.entries(v) : []);

/** A proto field's JSON key: `base_path` → `basePath`, `_ref` → `$ref`. */
function jsonKey(name: string): string {
  if (name === '_ref') return '$ref';
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** An Any as gnostic builds it: the value as YAML text (kubectl reads it back with a YAML 1.1 parser). */
function anyYaml(value: Json): string {
  return stringify(value, { version: '1.1', indent: 4, lineWidth: 0, blockQuote: false });
}

const NON_BODY: Record<string, string> = {
  header: 'header_parameter_sub_schema',
  formData: 'form_data_parameter_sub_schema',
  query: 'query_parameter_sub_schema',
  path: 'path_parameter_sub_schema',
};

const SECURITY: Record<string, string> = {
  basic: 'basic_authentication_security',
  apiKey: 'api_key_security',
  'oauth2/implicit': 'oauth2_implicit_security',
  'oauth2/password': 'oauth2_password_security',
  'oauth2/application': 'oauth2_application_security',
  'oauth2/accessCode': 'oauth2_access_code_security',
};

const hasRef = (v: Json): boolean => isObject(v) && '$ref' in v;

/** Which member of a oneof message a JSON value is (the one gnostic's compiler would accept). */
const ONEOF: Record<string, (v: Json) => string | undefined> = {
  AdditionalPropertiesItem: (v) => (typeof v === 'boolean' ? 'boolean' : 'schema'),
  ParametersItem: (v) => (hasRef(v) ? 'json_reference' : 'parameter'),
  Parameter: (v) => (isObject(v) && v.in === 'body' ? 'body_parameter' : 'non_body_parameter'),
  NonBodyParameter: (v) => (isObject(v) ? NON_BODY[String(v.in)] : undefined),
  ResponseValue: (v) => (hasRef(v) ? 'json_reference' : 'response'),
  SchemaItem: (v) => (isObject(v) && v.type === 'file' ? 'file_schema' : 'schema'),
  SecurityDefinitionsItem: (v) => (isObject(v) ? SECURITY[v.type === 'oauth2' ? `oauth2/${String(v.flow)}` : String(v.type)] : undefined),
};

/** Messages whose fields take parts of an object by key pattern rather than by name. */
const KEYED: Record<string, Record<string, (key: string) => boolean>> = {
  Paths: { path: (k) => k.startsWith('/') },
  Responses: { response_code: (k) => /^([0-9]{3})$|^(default)$/.test(k) },
};

/** JSON shapes that stand for a message with a list in it (`type: string`, `items: {...}`). */
const LISTS: Record<string, string> = { TypeItem: 'value', ItemsItem: 'schema', StringArray: 'value' };

function writeScalar(w: ProtoWriter, f: FieldDescriptor, v: Json, always: boolean): void {
  switch (f.type) {
    case 'string':
      if (always || v !== '') w.string(f.id, typeof v === 'string' ? v : String(v));
      return;
    case 'bool':
      if (always || v === true) w.varint(f.id, v === true);
      return;
    case 'double':
      if (always || (typeof v === 'number' && !Object.is(v, 0))) w.double(f.id, Number(v));
      return;
    case 'int64':
      if (always || Number(v) !== 0) w.varint(f.id, BigInt(Math.trunc(Number(v))));
      return;
    default:
      w.message(f.id, (m) => writeMessage(m, f.type, v));
  }
}

function writeField(w: ProtoWriter, f: FieldDescriptor, v: Json, always = false): void {
  if (f.rule !== 'repeated') writeScalar(w, f, v, always);
  else for (const item of Array.isArray(v) ? v : [v]) writeScalar(w, f, item, true);
}

/** A list of (name, value) pairs: field `id` of a message, one Named* message per entry. */
function writePairs(w: ProtoWriter, f: FieldDescriptor, entries: [string, Json][]): void {
  const value = openapiV2Message(f.type).fields.value!;
  for (const [name, v] of entries) {
    w.message(f.id, (m) => {
      if (name !== '') m.string(1, name);
      writeField(m, value, v);
    });
  }
}

const byNumber = new Map<string, [string, FieldDescriptor][]>();

/** A message's fields in field-number order (the order Go writes them in). */
function fieldsOf(type: string): [string, FieldDescriptor][] {
  let fields = byNumber.get(type);
  if (!fields) {
    fields = Object.entries(openapiV2Message(type).fields).sort(([, a], [, b]) => a.id - b.id);
    byNumber.set(type, fields);
  }
  return fields;
}

function writeFields(w: ProtoWriter, type: string, v: Json): void {
  const fields = fieldsOf(type);
  const keyed = KEYED[type];
  for (const [name, f] of fields) {
    const match = name === 'vendor_extension' ? (k: string) => k.startsWith('x-') : keyed?.[name];
    if (match) writePairs(w, f, entriesOf(v).filter(([k]) => match(k)));
    else if (fields.length === 1 && name === 'additional_properties') writePairs(w, f, entriesOf(v));
    else if (LISTS[type] === name) writeField(w, f, v);
    else if (isObject(v) && v[jsonKey(name)] !== undefined) writeField(w, f, v[jsonKey(name)]);
  }
}

function writeMessage(w: ProtoWriter, type: string, v: Json): void {
  if (type === 'Any') {
    w.string(2, anyYaml(v));
    return;
  }
  const choose = ONEOF[type];
  if (!choose) {
    writeFields(w, type, v);
    return;
  }
  const member = choose(v);
  const f = member === undefined ? undefined : openapiV2Message(type).fields[member];
  if (f) writeField(w, f, v, true);
}

/** A JSON OpenAPI v2 document as the bytes of an openapi.v2.Document message. */
export function encodeOpenapiV2(doc: Json): Buffer {
  const w = new ProtoWriter();
  writeMessage(w, 'Document', doc);
  return w.finish();
}
