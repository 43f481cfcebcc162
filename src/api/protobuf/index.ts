// Request bodies in Kubernetes' protobuf encoding (Content-Type application/vnd.kubernetes.protobuf,
// what client-go's typed clients, and so the real kubectl, send for create/update/eviction/token/
// reviews) decoded into the JSON object the apiserver works on: exactly what Go's encoding/json
// writes for the Go struct gogo-protobuf decodes the body into (see json.ts for the rules).
//
// A malformed body throws ProtobufDecodeError; create and update answer it with
// `err.badRequest(<the URL's kind>)` (upstream's 400 text), a DELETE with `err.deleteError()`.
import { decodeStruct } from './decode.js';
import { goTypeMeta, prefixError, PROTOBUF_MAGIC, readEnvelope, withDefaults } from './envelope.js';
import { ProtobufDecodeError, summarizeData, type DecodedKind } from './errors.js';
import { messageJson } from './json.js';
import { kindMessage, messageSpec } from './schema.js';
import { WireError } from './wire.js';

export { ProtobufDecodeError, summarizeData, type DecodedKind } from './errors.js';
export { PROTOBUF_MAGIC } from './envelope.js';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/** The scheme kube-apiserver v1.32 names in "no kind is registered" errors (a -trimpath build). */
export const KUBE_SCHEME = 'pkg/api/legacyscheme/scheme.go:30';

export interface DecodedObject {
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
}

/** Whether a Content-Type header names the Kubernetes protobuf encoding. */
export function isProtobufContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;
}

function wrap<T>(run: () => T, decoded: DecodedKind | undefined, summary: string): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof WireError) throw new ProtobufDecodeError(err.message, decoded, summary);
    throw err;
  }
}

/**
 * Decodes a protobuf request body. `defaults` is the request's kind (the URL's resource), which
 * fills a kind or apiVersion the body leaves empty, as the apiserver's decoder does.
 */
export function decodeKubernetesProtobuf(body: Buffer, defaults?: DecodedKind): DecodedObject {
  const summary = summarizeData(body);
  const bad = prefixError(body);
  if (bad) throw new ProtobufDecodeError(bad, undefined, summary);
  const env = wrap(() => readEnvelope(body.subarray(PROTOBUF_MAGIC.length)), undefined, summary);
  const actual = withDefaults(env, defaults);
  if (!actual.kind) throw new ProtobufDecodeError(`Object 'Kind' is missing in '${goTypeMeta(env)}'`, actual, summary);
  if (!actual.apiVersion || actual.apiVersion.endsWith('/')) {
    throw new ProtobufDecodeError(`Object 'apiVersion' is missing in '${goTypeMeta(env)}'`, actual, summary);
  }
  const key = kindMessage(actual.apiVersion, actual.kind);
  if (!key) {
    throw new ProtobufDecodeError(`no kind "${actual.kind}" is registered for version "${actual.apiVersion}" in scheme "${KUBE_SCHEME}"`, actual, summary);
  }
  const spec = messageSpec(key);
  const object = wrap(() => messageJson(spec, decodeStruct(env.raw, spec), actual), actual, summary) as Record<string, unknown>;
  return { apiVersion: actual.apiVersion, kind: actual.kind, object };
}
