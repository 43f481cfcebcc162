// The envelope of a Kubernetes protobuf body (apimachinery runtime/serializer/protobuf): the
// magic `k8s\x00`, then a runtime.Unknown { typeMeta = 1 { apiVersion = 1, kind = 2 }, raw = 2,
// contentEncoding = 3, contentType = 4 }, raw being the object's own message. The kind of the
// object is the body's, defaulted field by field from the request's (copyKindDefaults).
import { decodeStruct } from './decode.js';
import { fieldSpec, makeSpec } from './schema.js';

export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** What the serializer says before it reads the envelope, or undefined when the magic is there. */
export function prefixError(body: Buffer): string | undefined {
  if (body.length === 0) return 'empty data';
  if (body.length < PROTOBUF_MAGIC.length || !body.subarray(0, PROTOBUF_MAGIC.length).equals(PROTOBUF_MAGIC)) {
    return `provided data does not appear to be a protobuf message, expected prefix [${[...PROTOBUF_MAGIC].join(' ')}]`;
  }
  return body.length === PROTOBUF_MAGIC.length ? 'empty body' : undefined;
}

const TYPE_META = makeSpec('TypeMeta', [fieldSpec(['apiVersion', 1, 'string', '', 'APIVersion']), fieldSpec(['kind', 2, 'string', ''])]);
const UNKNOWN = makeSpec('Unknown', [
  fieldSpec(['typeMeta', 1, 'bytes', '', 'TypeMeta']),
  fieldSpec(['raw', 2, 'bytes', '']),
  fieldSpec(['contentEncoding', 3, 'string', '']),
  fieldSpec(['contentType', 4, 'string', '']),
]);

export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Buffer;
}

/** runtime.Unknown.Unmarshal of the bytes after the magic. */
export function readEnvelope(data: Buffer): Envelope {
  const unknown = decodeStruct(data, UNKNOWN);
  const typeMeta = unknown.has(1) ? decodeStruct(unknown.get(1) as Buffer, TYPE_META) : new Map<number, unknown>();
  return {
    apiVersion: (typeMeta.get(1) as string | undefined) ?? '',
    kind: (typeMeta.get(2) as string | undefined) ?? '',
    raw: (unknown.get(2) as Buffer | undefined) ?? Buffer.alloc(0),
  };
}

interface GroupVersion {
  group: string;
  version: string;
}

/** schema.ParseGroupVersion, with an unparsable string read as empty (FromAPIVersionAndKind). */
function parseGroupVersion(apiVersion: string): GroupVersion {
  const parts = apiVersion.split('/');
  if (apiVersion === '' || apiVersion === '/' || parts.length > 2) return { group: '', version: '' };
  return parts.length === 1 ? { group: '', version: apiVersion } : { group: parts[0]!, version: parts[1]! };
}

const gvString = (gv: GroupVersion): string => (gv.group ? `${gv.group}/${gv.version}` : gv.version);

/** copyKindDefaults(actual, defaults): the kind, then group and version together, when empty. */
export function withDefaults(env: Envelope, defaults?: { apiVersion: string; kind: string }): { apiVersion: string; kind: string } {
  let gv = parseGroupVersion(env.apiVersion);
  const kind = env.kind || defaults?.kind || '';
  if (!gv.version && defaults) {
    const d = parseGroupVersion(defaults.apiVersion);
    if (d.version) gv = d;
  }
  return { apiVersion: gvString(gv), kind };
}

/** Go's %#v of the envelope's runtime.TypeMeta, as the missing-kind errors print it. */
export const goTypeMeta = (env: Envelope): string =>
  `runtime.TypeMeta{APIVersion:${JSON.stringify(env.apiVersion)}, Kind:${JSON.stringify(env.kind)}}`;
