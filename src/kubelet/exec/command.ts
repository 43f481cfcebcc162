// What an exec's command line runs, as runc resolves it inside the image: a shell (with `-c`
// a script, without one a shell reading its input), a command the simulated shell has, or
// runc's error for an executable the image does not have. An image without a `shell` in the
// catalog (pause, kube-*, coredns, etcd) is distroless: it has no shell and no coreutils.
import { getCommandNames } from 'just-bash';
import type { ShellDialect } from '../runtime/catalog.js';

export type ResolvedCommand =
  /** A script: a shell's (`sh -c script [$0 [args…]]`, `sh file args`; viaShell) or a plain command line. */
  | { kind: 'script'; script: string; dialect: ShellDialect; viaShell: boolean }
  /** A shell reading commands from its input (`sh`, `sh -i`, `bash -il`). */
  | { kind: 'shell'; shell: string; dialect: ShellDialect }
  /** runc's reason it could not start the process. */
  | { kind: 'missing'; reason: string };

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const BIN_DIRS = new Set(['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

/** The shells an image's dialect ships: busybox has sh/ash, Debian dash and bash, the bash images bash. */
const SHELLS: Record<ShellDialect, string[]> = { busybox: ['sh', 'ash'], dash: ['sh', 'dash', 'bash'], bash: ['sh', 'bash'] };

export const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Whether the image has the executable (a name looked up in PATH, or a path in a bin folder). */
function has(exe: string, dialect: ShellDialect | undefined, tools: string[]): boolean {
  const name = base(exe);
  if (exe.includes('/') && !BIN_DIRS.has(exe.slice(0, exe.lastIndexOf('/')) || '/')) return false;
  // A shell-less image still has its own tools (kube-proxy's iptables-save).
  if (!dialect) return tools.includes(name);
  if (SHELLS[dialect].includes(name)) return true;
  if (['bash', 'sh'].includes(name)) return false;
  return getCommandNames().includes(name) || name === 'hostname' || tools.includes(name);
}

function missing(exe: string): ResolvedCommand {
  const reason = exe.includes('/') ? `exec: "${exe}": stat ${exe}: no such file or directory` : `exec: "${exe}": executable file not found in $PATH`;
  return { kind: 'missing', reason };
}

/** Resolves argv in an image whose shell dialect is dialect (undefined: no shell) and has tools. */
export function resolveCommand(argv: string[], dialect: ShellDialect | undefined, tools: string[] = []): ResolvedCommand {
  const exe = argv[0] ?? '';
  if (!exe) return { kind: 'missing', reason: 'exec: "": executable file not found in $PATH' };
  if (!has(exe, dialect, tools)) return missing(exe);
  const d = dialect ?? 'dash';
  if (!dialect || !SHELLS[d].includes(base(exe))) return { kind: 'script', script: tarCreate(argv, d) ?? argv.map(quote).join(' '), dialect: d, viaShell: false };
  const args = argv.slice(1);
  const c = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  if (c >= 0) {
    const positional = args.slice(c + 2);
    const set = positional.length > 1 ? `set -- ${positional.slice(1).map(quote).join(' ')}\n` : '';
    return { kind: 'script', script: set + (args[c + 1] ?? ''), dialect: d, viaShell: true };
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file !== undefined) return { kind: 'script', script: `sh ${args.slice(args.indexOf(file)).map(quote).join(' ')}`, dialect: d, viaShell: true };
  return { kind: 'shell', shell: base(exe), dialect: d };
}

/**
 * `tar c…f - /abs/path` (kubectl cp from a pod): tar stores members without their leading `/`
 * and says so; the simulated tar keeps it, so the members are given relative to `-C /`.
 */
function tarCreate(argv: string[], dialect: ShellDialect): string | undefined {
  const [exe = '', opts = '', ...rest] = argv;
  if (base(exe) !== 'tar' || !/^-?[a-zA-Z]*c[a-zA-Z]*$/.test(opts)) return undefined;
  const archive = opts.includes('f') ? rest.slice(0, 1) : [];
  const members = rest.slice(archive.length);
  if (!members.length || !members.every((m) => m.startsWith('/') && m !== '/')) return undefined;
  const note = dialect === 'busybox' ? "tar: removing leading '/' from member names" : "tar: Removing leading `/' from member names";
  const cmd = [exe, opts, ...archive, '-C', '/', ...members.map((m) => m.replace(/^\/+/, ''))];
  return `echo ${quote(note)} >&2; ${cmd.map(quote).join(' ')}`;
}
