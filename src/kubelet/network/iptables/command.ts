// `iptables-save` in the kube-proxy image: the rules kube-proxy (iptables mode) keeps on the
// node the container runs on (kube-proxy is hostNetwork, so the container's address is the
// node's). Options as getopt_long parses them ("cdt:M:f:V46"): -c counters, -t TABLE, -V;
// anything else: glibc getopt's complaint and "Look at manual page `iptables-save.8' for more
// information." (exit 1). kube-proxy's clusterCIDR comes from its config file (the ConfigMap
// kubeadm writes, mounted at /var/lib/kube-proxy).
import { defineCommand, type Command, type CommandContext } from 'just-bash';
import { result, type ToolEnv } from '../commands/context.js';
import type { NetSnapshot } from '../types.js';
import { IPTABLES_VERSION, saveAll, saveTable } from './save.js';
import { nodeTables } from './tables.js';

const PROG = 'iptables-save';
const MANUAL = `Look at manual page \`${PROG}.8' for more information.\n`;
export const KUBE_PROXY_CONFIG = '/var/lib/kube-proxy/config.conf';

export type SaveArgs = { kind: 'save'; table: string | undefined; counters: boolean } | { kind: 'version' } | { kind: 'error'; stderr: string };

const takesArg = new Set(['t', 'M', 'f']);
const LONG: Record<string, string> = { counters: 'c', dump: 'd', table: 't', modprobe: 'M', file: 'f', version: 'V', ipv4: '4', ipv6: '6' };

function parseLong(arg: string, next: string | undefined): { opt: string; value?: string; used: number } | string {
  const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
  const opt = LONG[name];
  if (!opt) return `${PROG}: unrecognized option '${arg}'\n`;
  if (!takesArg.has(opt)) return inline === undefined ? { opt, used: 1 } : `${PROG}: option '--${name}' doesn't allow an argument\n`;
  const value = inline ?? next;
  return value === undefined ? `${PROG}: option '--${name}' requires an argument\n` : { opt, value, used: inline === undefined ? 2 : 1 };
}

function parseShort(arg: string, next: string | undefined): { opts: [string, string?][]; used: number } | string {
  const opts: [string, string?][] = [];
  for (let i = 1; i < arg.length; i++) {
    const ch = arg[i] ?? '';
    if (!'cdtMfV46'.includes(ch)) return `${PROG}: invalid option -- '${ch}'\n`;
    if (!takesArg.has(ch)) { opts.push([ch]); continue; }
    const value = arg.slice(i + 1) || next;
    if (value === undefined) return `${PROG}: option requires an argument -- '${ch}'\n`;
    opts.push([ch, value]);
    return { opts, used: arg.slice(i + 1) ? 1 : 2 };
  }
  return { opts, used: 1 };
}

export function parseSaveArgs(args: string[]): SaveArgs {
  const out = { table: undefined as string | undefined, counters: false, version: false };
  for (let i = 0; i < args.length; ) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') return { kind: 'error', stderr: 'Unknown arguments found on commandline\n' };
    const parsed = arg.startsWith('--') ? parseLong(arg, args[i + 1]) : parseShort(arg, args[i + 1]);
    if (typeof parsed === 'string') return { kind: 'error', stderr: parsed + MANUAL };
    const opts: [string, string?][] = 'opts' in parsed ? parsed.opts : [[parsed.opt, parsed.value]];
    for (const [o, v] of opts) {
      if (o === 'c') out.counters = true;
      if (o === 't') out.table = v;
      if (o === 'V') out.version = true;
    }
    i += parsed.used;
  }
  return out.version ? { kind: 'version' } : { kind: 'save', table: out.table, counters: out.counters };
}

/** The node whose address the (host-network) container has. */
export function nodeNameOf(snap: NetSnapshot, ip: string): string | undefined {
  const node = snap.nodes.find((n) => n.status?.addresses?.some((a) => a.address === ip));
  return node?.metadata.name ?? snap.pods.find((p) => p.status?.podIP === ip && p.spec?.hostNetwork)?.spec?.nodeName;
}

async function clusterCIDR(ctx: CommandContext): Promise<string | undefined> {
  try {
    return /^clusterCIDR:\s*"?([^"\s]+)"?\s*$/m.exec(await ctx.fs.readFile(KUBE_PROXY_CONFIG))?.[1];
  } catch {
    return undefined;
  }
}

export function iptablesSaveCommand(env: ToolEnv): Command {
  return defineCommand(PROG, async (args, ctx) => {
    const a = parseSaveArgs(args);
    if (a.kind === 'error') return result('', a.stderr, 1);
    if (a.kind === 'version') return result(`${PROG} ${IPTABLES_VERSION}\n`, '', 0);
    const snap = await env.net.snapshot();
    const tables = nodeTables(snap, nodeNameOf(snap, env.self.podIP) ?? '', await clusterCIDR(ctx));
    const at = env.net.now();
    if (a.table === undefined) return result(saveAll(tables, at, a.counters), '', 0);
    if (a.table === 'raw' || a.table === 'security') return result('', '', 0);
    const t = a.table === 'nat' || a.table === 'filter' || a.table === 'mangle' ? tables[a.table] : undefined;
    if (!t) return result('', `Table \`${a.table}' does not exist\n`, 1);
    return result(saveTable(t, at, a.counters), '', 0);
  });
}
