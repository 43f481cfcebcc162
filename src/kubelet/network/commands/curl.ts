// curl 8.14: -s, -S, -I, -o file, -v (the request and response lines), -m/--max-time, -f, -A;
// its error lines `curl: (N) …` and exit codes (6 resolve, 7 connect, 22 -f, 28 timeout, 52 empty).
import { defineCommand, type Command, type CommandContext } from 'just-bash';
import type { HttpResponse } from '../http.js';
import { CONNECT_TIMEOUT_MS, parseUrl, result, RESOLVE_TIMEOUT_MS, type Target, type ToolEnv } from './context.js';

export const CURL_AGENT = 'curl/8.14.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  maxTimeMs?: number;
  agent: string;
  url?: string;
}

const FLAGS: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', I: 'head', v: 'verbose', f: 'fail' };
const LONG: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--head': 'head', '--verbose': 'verbose', '--fail': 'fail' };

export function parseCurl(args: string[]): CurlOptions {
  const o: CurlOptions = { silent: false, showError: false, head: false, verbose: false, fail: false, agent: CURL_AGENT };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (LONG[a]) (o as unknown as Record<string, boolean>)[LONG[a]] = true;
    else if (a === '-o' || a === '--output') o.output = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') o.maxTimeMs = Number(args[++i] ?? '0') * 1000;
    else if (a === '-A' || a === '--user-agent') o.agent = args[++i] ?? o.agent;
    else if (/^-[sSIvf]+$/.test(a)) for (const f of a.slice(1)) (o as unknown as Record<string, boolean>)[FLAGS[f]!] = true;
    else if (!a.startsWith('-')) o.url = a;
  }
  return o;
}

const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const meter = (size: number) => `${METER}\r100 ${String(size).padStart(5)}  100 ${String(size).padStart(5)}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`;
const emptyMeter = `${METER}\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n`;

function head(r: HttpResponse): string {
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

export function curlCommand(env: ToolEnv): Command {
  return defineCommand('curl', async (args, ctx) => {
    const o = parseCurl(args);
    const t = o.url ? parseUrl(o.url) : undefined;
    if (!t) return result('', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const fail = (code: number, msg: string, trace = '') =>
      result('', `${trace}${o.silent ? '' : emptyMeter}${!o.silent || o.showError ? `curl: (${code}) ${msg}\n` : ''}`, code);
    const res = await env.net.resolve(t.host, env.self);
    if (res.kind === 'timeout') {
      const wait = Math.min(o.maxTimeMs ?? Infinity, RESOLVE_TIMEOUT_MS.glibc);
      await env.sleep(wait);
      if (o.maxTimeMs !== undefined && o.maxTimeMs <= wait) return fail(28, `Resolving timed out after ${wait} milliseconds`);
    }
    if (res.kind !== 'found') return fail(6, `Could not resolve host: ${t.host}`);
    const ip = res.ips[0]!;
    const trace = o.verbose ? `* Host ${t.host}:${t.port} was resolved.\n* IPv6: (none)\n* IPv4: ${res.ips.join(', ')}\n*   Trying ${ip}:${t.port}...\n` : '';
    const conn = await env.net.connect(env.self, ip, t.port);
    if (conn.kind === 'refused') return fail(7, `Failed to connect to ${t.host} port ${t.port} after 0 ms: Could not connect to server`, trace);
    if (conn.kind === 'timeout') {
      const wait = o.maxTimeMs ?? CONNECT_TIMEOUT_MS;
      await env.sleep(wait);
      return o.maxTimeMs !== undefined
        ? fail(28, `Connection timed out after ${wait} milliseconds`, trace)
        : fail(28, `Failed to connect to ${t.host} port ${t.port} after ${wait} ms: Could not connect to server`, trace);
    }
    const ex = env.net.exchange(conn, { method: o.head ? 'HEAD' : 'GET', path: t.path, host: t.host, userAgent: o.agent, clientIP: env.self.podIP });
    const sent = o.verbose ? `${trace}* Connected to ${t.host} (${ip}) port ${t.port}\n${request(o, t).map((l) => `> ${l}\r\n`).join('')}` : '';
    if (ex.kind === 'empty') return fail(52, 'Empty reply from server', sent);
    return deliver(o, t, ex.response, sent, ctx);
  });
}

function request(o: CurlOptions, t: Target): string[] {
  return [`${o.head ? 'HEAD' : 'GET'} ${t.path} HTTP/1.1`, `Host: ${t.host}${t.port === 80 ? '' : `:${t.port}`}`, `User-Agent: ${o.agent}`, 'Accept: */*', ''];
}

async function deliver(o: CurlOptions, t: Target, r: HttpResponse, sent: string, ctx: CommandContext) {
  if (o.fail && r.status >= 400) {
    const msg = `curl: (22) The requested URL returned error: ${r.status}\n`;
    return result('', `${sent}${o.silent ? '' : emptyMeter}${!o.silent || o.showError ? msg : ''}`, 22);
  }
  const received = o.verbose ? `${head(r).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join('')}` : '';
  const body = o.head ? head(r) : r.body;
  const progress = o.silent || o.verbose ? '' : meter(Buffer.byteLength(body));
  const tail = o.verbose ? `* Connection #0 to host ${t.host} left intact\n` : '';
  if (o.output && o.output !== '-') {
    await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, o.output), body);
    return result('', `${sent}${received}${progress}${tail}`, 0);
  }
  return result(body, `${sent}${received}${progress}${tail}`, 0);
}
