import { describe, expect, it } from 'vitest';
import { logTime, serve, serverVersion } from './http.js';

const now = Date.UTC(2026, 10, 23, 2, 40, 0);
const req = (method: string, path: string) => ({ method, path, host: 'web', userAgent: 'Wget', clientIP: '10.244.1.9' });
const nginx = { app: 'nginx' as const, version: '1.27.3' };
const httpd = { app: 'httpd' as const, version: '2.4.62' };

describe('serve', () => {
  it.each([
    ['nginx index', nginx, 'GET', '/', 200, 615, '10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\n'],
    ['nginx 404', nginx, 'GET', '/nope', 404, 153, '10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "Wget" "-"\n'],
    ['nginx HEAD', nginx, 'HEAD', '/', 200, 0, '10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "HEAD / HTTP/1.1" 200 0 "-" "Wget" "-"\n'],
    ['httpd index', httpd, 'GET', '/', 200, 45, '10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "GET / HTTP/1.1" 200 45\n'],
    ['httpd 404', httpd, 'GET', '/x', 404, 196, '10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "GET /x HTTP/1.1" 404 196\n'],
  ])('%s', (_n, server, method, path, status, size, log) => {
    const out = serve(server, req(method, path), now);
    expect(out.response.status).toBe(status);
    expect(Buffer.byteLength(out.response.body)).toBe(size);
    expect(out.log).toBe(log);
  });

  it('sends nginx headers', () => {
    const h = serve(nginx, req('GET', '/'), now).response.headers;
    expect(h.slice(0, 4)).toEqual([['Server', 'nginx/1.27.3'], ['Date', 'Mon, 23 Nov 2026 02:40:00 GMT'], ['Content-Type', 'text/html'], ['Content-Length', '615']]);
  });

  it.each([
    [['NGINX_VERSION=1.14.2-1~stretch'], 'nginx', '1.14.2'],
    [['NGINX_VERSION=1.31.3'], 'nginx', '1.31.3'],
    [['HTTPD_VERSION=2.4.68'], 'httpd', '2.4.68'],
  ] as const)('version from %j', (env, app, want) => expect(serverVersion([...env], app)).toBe(want));

  it('formats the access log time', () => expect(logTime(Date.UTC(2026, 0, 5, 7, 8, 9))).toBe('05/Jan/2026:07:08:09 +0000'));
});
