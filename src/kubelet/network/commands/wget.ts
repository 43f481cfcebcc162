// busybox wget: -q, -O file|-, -S, -T seconds, --spider, -U agent; its messages and exit status 1.
import { defineCommand, type Command, type CommandContext } from 'just-bash';
import { CONNECT_TIMEOUT_MS, parseUrl, result, RESOLVE_TIMEOUT_MS, type ToolEnv } from './context.js';

interface WgetOptions {
  quiet: boolean;
  output?: string;
  headers: boolean;
  spider: boolean;
  timeoutMs?: number;
  agent: string;
  url?: string;
}

export function parseWget(args: string[]): WgetOptions {
  const o: WgetOptions = { quiet: false, headers: false, spider: false, agent: 'Wget' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') o.spider = true;
    else if (a === '-U' || a === '--user-agent') o.agent = args[++i] ?? o.agent;
    else if (a === '-O' || a === '--output-document') o.output = args[++i] ?? '-';
    else if (a === '-T' || a === '--timeout') o.timeoutMs = Number(args[++i] ?? '0') * 1000;
    else if (/^-[qSO]+/.test(a) && a.startsWith('-') && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') o.quiet = true;
        else if (f === 'S') o.headers = true;
        else if (f === 'O') { o.output = a.slice(j + 1) || (args[++i] ?? '-'); break; }
      }
    } else if (a.startsWith('-T')) o.timeoutMs = Number(a.slice(2)) * 1000;
    else o.url = a;
  }
  return o;
}

const bar = (name: string, size: number) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;

export function wgetCommand(env: ToolEnv): Command {
  return defineCommand('wget', async (args, ctx) => {
    const o = parseWget(args);
    const t = o.url ? parseUrl(o.url) : undefined;
    if (!t) return result('', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', 1);
    let err = '';
    const res = await env.net.resolve(t.host, env.self);
    if (res.kind === 'timeout') await env.sleep(Math.min(o.timeoutMs ?? Infinity, RESOLVE_TIMEOUT_MS.musl));
    if (res.kind !== 'found') return result('', `wget: bad address '${t.host}'\n`, 1);
    const ip = res.ips[0]!;
    if (!o.quiet) err += `Connecting to ${t.host}${t.port === 80 ? '' : `:${t.port}`} (${ip}:${t.port})\n`;
    const conn = await env.net.connect(env.self, ip, t.port);
    if (conn.kind === 'refused') return result('', `${err}wget: can't connect to remote host (${ip}): Connection refused\n`, 1);
    if (conn.kind === 'timeout') {
      await env.sleep(o.timeoutMs ?? CONNECT_TIMEOUT_MS);
      return result('', `${err}wget: ${o.timeoutMs ? 'download timed out' : `can't connect to remote host (${ip}): Connection timed out`}\n`, 1);
    }
    const ex = env.net.exchange(conn, { method: o.spider ? 'HEAD' : 'GET', path: t.path, host: t.host, userAgent: o.agent, clientIP: env.self.podIP });
    if (ex.kind === 'empty') return result('', `${err}wget: error getting response\n`, 1);
    const r = ex.response;
    if (o.headers) err += [`HTTP/1.1 ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)].map((l) => `  ${l}\n`).join('');
    if (r.status >= 400) return result('', `${err}wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`, 1);
    if (o.spider) return result('', o.quiet ? err : `${err}remote file exists\n`, 0);
    return save(o, t.path, r.body, err, ctx);
  });
}

async function save(o: WgetOptions, path: string, body: string, err: string, ctx: CommandContext) {
  const size = Buffer.byteLength(body);
  if (o.output === '-') return result(body, o.quiet ? err : `${err}writing to stdout\n${bar('-', size)}written to stdout\n`, 0);
  const name = o.output ?? (path.split('?')[0]!.split('/').pop() || 'index.html');
  const file = ctx.fs.resolvePath(ctx.cwd, name);
  if (!o.output && (await ctx.fs.exists(file))) return result('', `${err}wget: can't open '${name}': File exists\n`, 1);
  await ctx.fs.writeFile(file, body);
  return result('', o.quiet ? err : `${err}saving to '${name}'\n${bar(name, size)}'${name}' saved\n`, 0);
}
