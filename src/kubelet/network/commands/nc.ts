// busybox nc HOST PORT: -z (connect only), -v (say so), -w seconds (connect timeout). Its
// messages: `HOST (IP:PORT) open`, `nc: HOST (IP:PORT): Connection refused`, `nc: bad address`.
import { defineCommand, type Command } from 'just-bash';
import { CONNECT_TIMEOUT_MS, result, RESOLVE_TIMEOUT_MS, type ToolEnv } from './context.js';

interface NcOptions {
  zero: boolean;
  verbose: boolean;
  waitMs?: number;
  rest: string[];
}

export function parseNc(args: string[]): NcOptions {
  const o: NcOptions = { zero: false, verbose: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-w') o.waitMs = Number(args[++i] ?? '0') * 1000;
    else if (/^-[zvnw\d]+$/.test(a)) {
      if (a.includes('z')) o.zero = true;
      if (a.includes('v')) o.verbose = true;
      const w = /w(\d+)/.exec(a);
      if (w) o.waitMs = Number(w[1]) * 1000;
      else if (a.endsWith('w')) o.waitMs = Number(args[++i] ?? '0') * 1000;
    } else o.rest.push(a);
  }
  return o;
}

export function ncCommand(env: ToolEnv): Command {
  return defineCommand('nc', async (args) => {
    const o = parseNc(args);
    const [host, portText] = o.rest;
    if (!host || !portText) return result('', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n', 1);
    const port = Number(portText);
    const res = await env.net.resolve(host, env.self);
    if (res.kind === 'timeout') await env.sleep(RESOLVE_TIMEOUT_MS.musl);
    if (res.kind !== 'found') return result('', `nc: bad address '${host}'\n`, 1);
    const ip = res.ips[0]!;
    const conn = await env.net.connect(env.self, ip, port);
    if (conn.kind === 'refused') return result('', `nc: ${host} (${ip}:${port}): Connection refused\n`, 1);
    if (conn.kind === 'timeout') {
      await env.sleep(o.waitMs ?? CONNECT_TIMEOUT_MS);
      return result('', `nc: ${host} (${ip}:${port}): ${o.waitMs ? 'Operation timed out' : 'Connection timed out'}\n`, 1);
    }
    return result('', o.verbose ? `${host} (${ip}:${port}) open\n` : '', 0);
  });
}
