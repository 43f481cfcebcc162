// busybox nslookup NAME [SERVER]: the server it asks, then the A records of the name (one without
// dots: the first name of the search list that has them), or `** server can't find …: NXDOMAIN`; with no server answering,
// `;; connection timed out; no servers could be reached`. Exit 1 when nothing was found.
import { defineCommand, type Command } from 'just-bash';
import { result, RESOLVE_TIMEOUT_MS, type ToolEnv } from './context.js';

const USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

export function nslookupCommand(env: ToolEnv): Command {
  return defineCommand('nslookup', async (args) => {
    const [name, server] = args.filter((a) => !a.startsWith('-'));
    if (!name) return result('', USAGE, 1);
    const ns = server ?? env.net.resolvConf(env.self).nameservers[0] ?? '127.0.0.1';
    // busybox applies the search list only to a name without dots (`kubernetes.default` fails).
    const res = await env.net.resolve(name.includes('.') && !name.endsWith('.') ? `${name}.` : name, env.self);
    if (res.kind === 'timeout') {
      await env.sleep(RESOLVE_TIMEOUT_MS.musl);
      return result(';; connection timed out; no servers could be reached\n\n', '', 1);
    }
    const header = `Server:\t\t${ns}\nAddress:\t${ns}:53\n\n`;
    if (res.kind === 'nxdomain') return result(`${header}${res.tried.map((n) => `** server can't find ${n}: NXDOMAIN\n\n`).join('')}`, '', 1);
    return result(`${header}${res.ips.map((ip) => `Name:\t${res.fqdn}\nAddress: ${ip}\n`).join('')}\n`, '', 0);
  });
}
