import { Bash } from 'just-bash';
import { describe, expect, it } from 'vitest';
import { BUSYBOX, NGINX, sampleNetwork, sampleSnapshot } from '../testing.js';
import { networkCommands, toolsOf } from './index.js';
import { parseCurl } from './curl.js';
import { parseNc } from './nc.js';
import { parseWget } from './wget.js';

const self = { namespace: 'default', podIP: '10.244.1.9' };
const INDEX_HEAD = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>';

async function run(script: string, image = BUSYBOX, snap = sampleSnapshot()) {
  const { net, log } = sampleNetwork(snap);
  const slept: number[] = [];
  const bash = new Bash({ customCommands: networkCommands(image, { net, self, sleep: async (ms) => void slept.push(ms) }) });
  const r = await bash.exec(script);
  return { ...r, log: log.lines.map((l) => l.replace(/^\S+ stdout F /, '')), slept, bash };
}

describe('tools per image', () => {
  it.each([
    [BUSYBOX, ['wget', 'nslookup', 'nc']],
    [NGINX, ['curl']],
  ])('%#', (image, want) => expect(toolsOf(image)).toEqual(want));
});

describe('busybox wget', () => {
  it.each([
    ['wget -qO- http://web', 0, 'INDEX', ''],
    ['wget -q -O - web/nope', 1, '', 'wget: server returned error: HTTP/1.1 404 Not Found\n'],
    ['wget -O- http://empty', 1, '', "Connecting to empty (10.96.0.77:80)\nwget: can't connect to remote host (10.96.0.77): Connection refused\n"],
    ['wget -qO- http://nope', 1, '', "wget: bad address 'nope'\n"],
    ['wget -q --spider http://web', 0, '', ''],
    ['wget --spider http://10.244.1.5', 0, '', 'Connecting to 10.244.1.5 (10.244.1.5:80)\nremote file exists\n'],
    ['wget -qO- 10.244.1.5:8080', 1, '', "wget: can't connect to remote host (10.244.1.5): Connection refused\n"],
    ['wget -qO- -T 2 http://10.1.2.3', 1, '', 'wget: download timed out\n'],
  ])('%s', async (script, code, stdout, stderr) => {
    const r = await run(script);
    expect([r.exitCode, r.stderr]).toEqual([code, stderr]);
    if (stdout === 'INDEX') expect(r.stdout.startsWith(INDEX_HEAD)).toBe(true);
    else expect(r.stdout).toBe(stdout);
  });

  it('saves index.html and shows the progress lines', async () => {
    const r = await run('wget http://web; cat index.html | head -1');
    expect(r.stderr).toBe("Connecting to web (10.96.12.34:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n");
    expect(r.stdout).toBe('<!DOCTYPE html>\n');
  });

  it('prints the server headers with -S and nginx logs the request', async () => {
    const r = await run('wget -S -q -O /dev/null http://web');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['  HTTP/1.1 200 OK', '  Server: nginx/1.27.3']);
    expect(r.log).toEqual(['10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"']);
  });

  it('waits for the resolver when no DNS server answers', async () => {
    const snap = sampleSnapshot();
    snap.pods = snap.pods.filter((p) => p.metadata.namespace !== 'kube-system');
    const r = await run('wget -qO- http://web', BUSYBOX, snap);
    expect([r.exitCode, r.stderr, r.slept]).toEqual([1, "wget: bad address 'web'\n", [5000]]);
  });
});

describe('busybox nslookup', () => {
  it.each([
    ['nslookup web', 0, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n'],
    ['nslookup web-headless.default.svc.cluster.local', 0, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb-headless.default.svc.cluster.local\nAddress: 10.244.1.5\n\n'],
    ['nslookup web.default', 1, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n"],
    ['nslookup nope.default.svc.cluster.local', 1, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n"],
  ])('%s', async (script, code, stdout) => {
    const r = await run(script);
    expect([r.exitCode, r.stdout]).toEqual([code, stdout]);
  });

  it('times out without CoreDNS', async () => {
    const snap = sampleSnapshot();
    snap.pods = snap.pods.filter((p) => p.metadata.namespace !== 'kube-system');
    const r = await run('nslookup web', BUSYBOX, snap);
    expect([r.exitCode, r.stdout]).toEqual([1, ';; connection timed out; no servers could be reached\n\n']);
  });
});

describe('busybox nc', () => {
  it.each([
    ['nc -zv web 80', 0, 'web (10.96.12.34:80) open\n'],
    ['nc -z web 80', 0, ''],
    ['nc -zv empty 80', 1, 'nc: empty (10.96.0.77:80): Connection refused\n'],
    ['nc -zv -w 1 10.1.2.3 80', 1, 'nc: 10.1.2.3 (10.1.2.3:80): Operation timed out\n'],
    ['nc -zv nope 80', 1, "nc: bad address 'nope'\n"],
  ])('%s', async (script, code, stderr) => {
    const r = await run(script);
    expect([r.exitCode, r.stderr]).toEqual([code, stderr]);
  });
});

describe('curl', () => {
  it.each([
    ['curl -s web.default.svc.cluster.local', 0, 'INDEX', ''],
    ['curl -s http://web/nope', 0, '<html>', ''],
    ['curl -sf http://web/nope', 22, '', ''],
    ['curl -sSf http://web/nope', 22, '', 'curl: (22) The requested URL returned error: 404\n'],
    ['curl -s http://nope', 6, '', ''],
    ['curl -sS http://nope', 6, '', 'curl: (6) Could not resolve host: nope\n'],
    ['curl -sS http://empty', 7, '', 'curl: (7) Failed to connect to empty port 80 after 0 ms: Could not connect to server\n'],
    ['curl -sS -m 3 http://10.1.2.3', 28, '', 'curl: (28) Connection timed out after 3000 milliseconds\n'],
  ])('%s', async (script, code, stdout, stderr) => {
    const r = await run(script, NGINX);
    expect([r.exitCode, r.stderr]).toEqual([code, stderr]);
    if (stdout === 'INDEX') expect(r.stdout.startsWith(INDEX_HEAD)).toBe(true);
    else expect(r.stdout.startsWith(stdout)).toBe(true);
  });

  it('-I prints the response head of a HEAD request', async () => {
    const r = await run('curl -sI http://web', NGINX);
    expect(r.stdout.split('\r\n').slice(0, 2)).toEqual(['HTTP/1.1 200 OK', 'Server: nginx/1.27.3']);
    expect(r.log).toEqual(['10.244.1.9 - - [23/Nov/2026:02:40:00 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/8.14.1" "-"']);
  });

  it('-v shows the exchange', async () => {
    const r = await run('curl -sv http://web -o /tmp/page', NGINX);
    expect(r.stderr).toContain('*   Trying 10.96.12.34:80...\n* Connected to web (10.96.12.34) port 80\n> GET / HTTP/1.1\r\n> Host: web\r\n');
    expect(r.stderr).toContain('< HTTP/1.1 200 OK\r\n');
    expect(r.stderr.endsWith('* Connection #0 to host web left intact\n')).toBe(true);
  });
});

describe('option parsers', () => {
  it.each([
    [['-qO-', 'http://x'], { quiet: true, output: '-', url: 'http://x' }],
    [['-q', '-O', 'f', '-T', '5', 'x'], { quiet: true, output: 'f', timeoutMs: 5000, url: 'x' }],
    [['-S', '--spider', 'x'], { headers: true, spider: true, url: 'x' }],
  ])('wget %j', (args, want) => expect(parseWget(args)).toMatchObject(want));
  it.each([
    [['-sSf', 'x'], { silent: true, showError: true, fail: true, url: 'x' }],
    [['--max-time', '2', '-o', 'f', 'x'], { maxTimeMs: 2000, output: 'f', url: 'x' }],
  ])('curl %j', (args, want) => expect(parseCurl(args)).toMatchObject(want));
  it.each([
    [['-zv', 'h', '80'], { zero: true, verbose: true, rest: ['h', '80'] }],
    [['-z', '-w', '2', 'h', '80'], { zero: true, waitMs: 2000, rest: ['h', '80'] }],
  ])('nc %j', (args, want) => expect(parseNc(args)).toMatchObject(want));
});
