import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { v2Document } from './documents.js';
import { negotiateOpenapiV2, openapiV2Protobuf, openapiV2Response, OPENAPI_V2_PROTOBUF } from './openapi-v2-response.js';

const PB_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

describe('/openapi/v2 content negotiation', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/*', 'application/json'],
    [PB_DEPRECATED, OPENAPI_V2_PROTOBUF],
    [OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF],
    [`application/json;q=0.5, ${PB_DEPRECATED}`, OPENAPI_V2_PROTOBUF],
    [`*/*, ${PB_DEPRECATED}`, OPENAPI_V2_PROTOBUF],
    ['text/html, application/json', 'application/json'],
    ['text/html', undefined],
    ['application/yaml', undefined],
  ])('Accept %j → %s', (accept, type) => {
    expect(negotiateOpenapiV2(accept)?.contentType).toBe(type);
  });

  it('serves protobuf with the ETag of the JSON, Vary and caching headers', () => {
    const json = JSON.stringify(v2Document());
    const etag = `"${createHash('sha512').update(json).digest('hex').toUpperCase()}"`;
    const r = openapiV2Response({ method: 'GET', accept: PB_DEPRECATED });
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({
      'Content-Type': OPENAPI_V2_PROTOBUF,
      'Cache-Control': 'no-cache, private',
      Vary: ['Accept-Encoding', 'Accept'],
      Etag: etag,
      'Content-Length': r.body.length,
    });
    expect(r.headers['Last-Modified']).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(r.body.equals(openapiV2Protobuf())).toBe(true);
    const j = openapiV2Response({ method: 'GET', accept: 'application/json' });
    expect([j.headers['Content-Type'], j.headers.Etag, j.body.toString()]).toEqual(['application/json', etag, json]);
  });

  it('answers 304 to a matching If-None-Match, 406 to an unknown type, gzip when accepted', () => {
    const { headers } = openapiV2Response({ accept: PB_DEPRECATED });
    const again = openapiV2Response({ accept: PB_DEPRECATED, ifNoneMatch: String(headers.Etag) });
    expect([again.status, again.body.length, again.headers['Content-Type'], again.headers['Last-Modified']]).toEqual([304, 0, undefined, undefined]);
    expect(again.headers.Etag).toBe(headers.Etag);
    expect(openapiV2Response({ accept: PB_DEPRECATED, ifNoneMatch: '"other"' }).status).toBe(200);
    expect(openapiV2Response({ accept: 'text/html' }).status).toBe(406);
    const gz = openapiV2Response({ accept: PB_DEPRECATED, acceptEncoding: 'gzip' });
    expect(gz.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(openapiV2Protobuf())).toBe(true);
    const head = openapiV2Response({ method: 'HEAD', accept: PB_DEPRECATED, acceptEncoding: 'gzip' });
    expect([head.body.length, head.headers['Content-Length'], head.headers['Content-Encoding']]).toEqual([0, openapiV2Protobuf().length, undefined]);
  });
});
