// The /openapi/v2 response, negotiated as kube-openapi's handler does (pkg/handler, behind
// NYTimes/gziphandler and http.ServeContent): the first Accept clause (by q, then specificity)
// that names JSON or the protobuf type picks the representation, else 406. Both carry the same
// ETag (the SHA-512 of the JSON, upper-case hex, quoted), `Vary: Accept-Encoding` and `Vary:
// Accept`; If-None-Match / If-Modified-Since give 304 (ETag kept, Last-Modified dropped);
// bodies of 1400 bytes and more are gzipped when the client accepts gzip. The protobuf type is
// answered under its current name (`.v1.0`) even when asked for by the deprecated one (`@v1.0`,
// which kubectl sends). Each body is built on first request and kept.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { v2Document } from './documents.js';
import { encodeOpenapiV2 } from './openapi-v2-proto.js';

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

type Format = 'json' | 'proto';

const ACCEPTED: { subType: string; contentType: string; format: Format }[] = [
  { subType: 'json', contentType: 'application/json', format: 'json' },
  { subType: 'com.github.proto-openapi.spec.v2@v1.0+protobuf', contentType: OPENAPI_V2_PROTOBUF, format: 'proto' },
  { subType: 'com.github.proto-openapi.spec.v2.v1.0+protobuf', contentType: OPENAPI_V2_PROTOBUF, format: 'proto' },
];

const GZIP_MIN_SIZE = 1400;

export interface OpenapiV2Request {
  method?: string;
  accept?: string;
  acceptEncoding?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface OpenapiV2Response {
  status: number;
  headers: Record<string, string | number | string[]>;
  body: Buffer;
}

interface Body {
  plain: Buffer;
  gzipped?: Buffer;
}

interface Built {
  etag: string;
  lastModified: string;
  bodies: Partial<Record<Format, Body>>;
}

let built: Built | undefined;

function spec(): Built {
  if (!built) {
    const json = Buffer.from(JSON.stringify(v2Document()));
    const etag = `"${createHash('sha512').update(json).digest('hex').toUpperCase()}"`;
    built = { etag, lastModified: new Date().toUTCString(), bodies: { json: { plain: json } } };
  }
  return built;
}

function body(format: Format): Body {
  const s = spec();
  s.bodies[format] ??= { plain: encodeOpenapiV2(v2Document()) };
  return s.bodies[format]!;
}

/** The bytes of the openapi.v2.Document message (built on first use, then kept). */
export function openapiV2Protobuf(): Buffer {
  return body('proto').plain;
}

interface Clause {
  type: string;
  subType: string;
  q: number;
}

/** Accept's clauses, best first, as goautoneg.ParseAccept sorts them. */
export function acceptClauses(header: string | undefined): Clause[] {
  const clauses: Clause[] = [];
  for (const part of (header || '*/*').split(',')) {
    const [range = '', ...params] = part.split(';').map((x) => x.trim());
    const q = params.map((p) => /^q=(.*)$/.exec(p)?.[1]).find((x) => x !== undefined);
    const [type = '', subType] = range.split(/\/(.*)/s).map((x) => x.trim());
    if (subType === undefined && type !== '*') continue;
    clauses.push({ type, subType: subType ?? '*', q: q === undefined ? 1 : Number(q) || 0 });
  }
  const rank = (c: Clause): number => (c.type === '*' ? 2 : c.subType === '*' ? 1 : 0);
  return clauses.sort((a, b) => b.q - a.q || rank(a) - rank(b));
}

/** The representation the Accept header asks for, or undefined (406). */
export function negotiateOpenapiV2(accept: string | undefined): (typeof ACCEPTED)[number] | undefined {
  for (const c of acceptClauses(accept)) {
    const hit = ACCEPTED.find((a) => (c.type === 'application' || c.type === '*') && (c.subType === a.subType || c.subType === '*'));
    if (hit) return hit;
  }
  return undefined;
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((x) => x.trim());
    const q = params.map((p) => /^q=(.*)$/.exec(p)?.[1]).find((x) => x !== undefined);
    return name.toLowerCase() === 'gzip' && (q === undefined || Number(q) > 0);
  });
}

function notModified(req: OpenapiV2Request, s: Built): boolean {
  if (req.ifNoneMatch !== undefined) {
    return req.ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === s.etag);
  }
  const since = req.ifModifiedSince === undefined ? NaN : Date.parse(req.ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(s.lastModified) <= since;
}

/** The response to a GET or HEAD of /openapi/v2. */
export function openapiV2Response(req: OpenapiV2Request): OpenapiV2Response {
  const headers: OpenapiV2Response['headers'] = { 'Cache-Control': 'no-cache, private', Vary: ['Accept-Encoding', 'Accept'] };
  const chosen = negotiateOpenapiV2(req.accept);
  if (!chosen) return { status: 406, headers: { ...headers, 'Content-Length': 0 }, body: Buffer.alloc(0) };
  const s = spec();
  headers.Etag = s.etag;
  if (notModified(req, s)) return { status: 304, headers, body: Buffer.alloc(0) };
  const b = body(chosen.format);
  let out = b.plain;
  Object.assign(headers, { 'Last-Modified': s.lastModified, 'Content-Type': chosen.contentType, 'Accept-Ranges': 'bytes' });
  if (req.method !== 'HEAD' && out.length >= GZIP_MIN_SIZE && acceptsGzip(req.acceptEncoding)) {
    out = b.gzipped ??= gzipSync(b.plain);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = out.length;
  return { status: 200, headers, body: req.method === 'HEAD' ? Buffer.alloc(0) : out };
}
