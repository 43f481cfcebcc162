// Reading request bodies: size limit, JSON or YAML, and the checks on apiVersion/kind/namespace
// every write makes before the registry sees the object.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, StatusError } from '../errors.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { groupVersion } from '../resources/types.js';
import type { KObject } from '../types.js';
import { pruneDecoded, rawFieldsOf } from './prune.js';
import { goTypeKey } from '../../printers/gotypes/tables.js';
import { unmarshalError } from '../../printers/gotypes/unmarshal.js';
import { decodeKubernetesProtobuf, isProtobufContentType, ProtobufDecodeError } from '../protobuf/index.js';

export const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size <= MAX_BODY) chunks.push(c as Buffer); // past the limit: read on, keep nothing
  }
  if (size > MAX_BODY) {
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Request entity too large: limit is ${MAX_BODY}`, reason: 'RequestEntityTooLarge', code: 413 });
  }
  return Buffer.concat(chunks);
}

/** The kind a request's URL names: it fills what a body leaves out, and names the target in errors. */
export interface BodyTarget {
  apiVersion: string;
  kind: string;
}

export function parseBody(raw: Buffer, contentType: string | undefined, target?: BodyTarget): unknown {
  if (isProtobufContentType(contentType)) {
    try {
      return decodeKubernetesProtobuf(raw, target).object;
    } catch (err) {
      if (err instanceof ProtobufDecodeError) throw err.badRequest(target?.kind ?? '');
      throw err;
    }
  }
  const text = raw.toString('utf8');
  if (/yaml/.test(contentType ?? '')) {
    try {
      return parseYaml(text);
    } catch (err) {
      throw badRequest(`the object provided is unrecognized: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

/** The object of a create/update body, checked against the resource and URL namespace. */
export function objectFromBody(d: ResourceDescriptor, body: unknown, ns: string | undefined, expectKind = d.kind, expectGv = groupVersion(d)): KObject {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  // The URL's group/version/kind fill in what the body leaves out, as the apiserver's decoder does.
  const obj = pruneDecoded(body, rawFieldsOf(d.kind)) as KObject;
  if (obj.apiVersion && obj.apiVersion !== expectGv) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expectGv})`);
  }
  if (obj.kind && obj.kind !== expectKind) {
    throw badRequest(`${obj.kind} in version "${expectGv.split('/').pop()}" cannot be handled as a ${expectKind}: no kind "${obj.kind}" is registered for version "${expectGv}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  checkGoTypes(obj, expectGv, expectKind);
  obj.apiVersion = expectGv;
  obj.kind = expectKind;
  obj.metadata ??= {};
  if (typeof obj.metadata !== 'object') throw badRequest('metadata must be an object');
  if (ns && obj.metadata.namespace && obj.metadata.namespace !== ns) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return obj;
}

/** The body must decode into the kind's Go struct (custom resources are untyped): 400 as upstream's decoder. */
export function checkGoTypes(obj: object, gv: string, kind: string): void {
  const key = goTypeKey(gv, kind);
  const err = key === undefined ? undefined : unmarshalError(key, obj);
  if (err) throw badRequest(`${kind} in version "${gv.split('/').pop()}" cannot be handled as a ${kind}: ${err}`);
}

/** The Go type error of a patched object, or undefined (custom resources are untyped). */
export function patchedTypeError(obj: object, gv: string, kind: string): string | undefined {
  const key = goTypeKey(gv, kind);
  return key === undefined ? undefined : unmarshalError(key, obj);
}
