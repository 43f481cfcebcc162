import { describe, expect, it } from 'vitest';
import type { TracedRequest } from '../../client/request-trace.js';
import { Klog } from './klog.js';
import { bodySite, requestLog } from './request-log.js';

function capture(v: number) {
  let text = '';
  const klog = new Klog({ write: (c: string | Uint8Array) => { text += String(c); return true; } }, v);
  // klog headers carry time and pid: keep `file:line] message`.
  return { klog, lines: () => text.split('\n').filter(Boolean).map((l) => l.replace(/^[IEWF]\d{4} \S+ +\d+ /, '')) };
}

const GET: TracedRequest = { method: 'GET', url: 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500', headers: { Accept: 'application/json', Authorization: 'Bearer abc', 'Impersonate-Group': ['g1', 'g2'] } };
const RES = { status: '200 OK', headers: [['content-type', 'application/json'], ['Date', 'x']] as Array<[string, string]>, ms: 3.7, connectMs: 0.2, serverMs: 2.9 };

describe('request logging by -v level (client-go round_trippers.go)', () => {
  it.each([
    [5, []],
    [6, ['round_trippers.go:560] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500 200 OK in 3 milliseconds']],
    [7, [
      'round_trippers.go:470] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500',
      'round_trippers.go:476] Request Headers:',
      'round_trippers.go:480]     Accept: application/json',
      'round_trippers.go:480]     Authorization: Bearer <masked>',
      'round_trippers.go:480]     Impersonate-Group: g1',
      'round_trippers.go:480]     Impersonate-Group: g2',
      'round_trippers.go:581] Response Status: 200 OK in 3 milliseconds',
    ]],
    [9, [
      'helper.go:113] "Request Body" body=""',
      `round_trippers.go:473] curl -v -XGET  -H "Accept: application/json" -H "Authorization: Bearer <masked>" -H "Impersonate-Group: g1" -H "Impersonate-Group: g2" 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500'`,
      'round_trippers.go:560] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500 200 OK in 3 milliseconds',
      'round_trippers.go:577] HTTP Statistics: GetConnection 0 ms ServerProcessing 2 ms Duration 3 ms',
      'round_trippers.go:584] Response Headers:',
      'round_trippers.go:587]     Content-Type: application/json',
      'round_trippers.go:587]     Date: x',
      'helper.go:113] "Response Body" body=<',
    ]],
  ])('-v=%i', (v, want) => {
    const { klog, lines } = capture(v as number);
    const trace = requestLog(klog);
    trace?.request(GET);
    trace?.response(GET, RES);
    if (v === 9) trace?.body(GET, '{"a":1}\n');
    expect(lines().slice(0, (want as string[]).length)).toEqual(want);
  });

  it('a failed request has no status: two spaces before "in"', () => {
    const { klog, lines } = capture(6);
    requestLog(klog)!.response(GET, { status: '', headers: [], ms: 0.4, connectMs: 0.4, serverMs: 0, error: new Error('refused') });
    expect(lines()).toEqual(['round_trippers.go:560] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500  in 0 milliseconds']);
  });

  it('bodies: one line quoted, several lines indented, truncated at 1024 characters at -v=8', () => {
    const { klog, lines } = capture(8);
    const trace = requestLog(klog)!;
    trace.body(GET, '{"a":"b"}\n{"c":1}\n');
    trace.body(GET, 'x'.repeat(1030));
    expect(lines()).toEqual(['helper.go:113] "Response Body" body=<', '\t{"a":"b"}', '\t{"c":1}', ' >', `helper.go:113] "Response Body" body="${'x'.repeat(1024)} [truncated 6 chars]"`]);
  });

  it.each([
    ['GET', '/api', 'discovery_client.go:253'],
    ['GET', '/apis', 'discovery_client.go:319'],
    ['GET', '/api/v1/namespaces/default/pods/x', 'helper.go:105'],
    ['GET', '/api/v1/namespaces/default', 'helper.go:105'],
    ['GET', '/api/v1/namespaces', 'helper.go:113'],
    ['GET', '/apis/apps/v1/namespaces/default/deployments', 'helper.go:113'],
    ['GET', '/apis/apps/v1/deployments?watch=true', 'request.go:736'],
    ['POST', '/api/v1/namespaces/default/configmaps', 'helper.go:246'],
    ['PATCH', '/api/v1/namespaces/default/configmaps/x', 'helper.go:269'],
    ['PUT', '/api/v1/namespaces/default/configmaps/x', 'helper.go:319'],
    ['DELETE', '/api/v1/namespaces/default/configmaps/x', 'helper.go:202'],
  ])('%s %s logs its body from %s', (method, path, site) => {
    expect(bodySite({ method, url: `https://h:1${path}`, headers: {} })).toBe(site);
  });
});
