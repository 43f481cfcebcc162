// `tail -f` / `tail -F` (a sidecar following a shared log file): just-bash's tail reads a file once,
// so a following tail is renamed before the script runs to a command that prints the last lines,
// then polls the file every second of the kubelet's clock and streams what was appended to the
// container's stdout until the container is killed. (Its output goes straight to the container's
// stdout, so `tail -f f | grep x` is not filtered.)
import { defineCommand, type Command } from 'just-bash';

export const FOLLOW_COMMAND = 'kubedojo-tail-follow';

type Node = Record<string, unknown>;
const literal = (w: unknown): string | undefined => {
  const parts = (w as { parts?: { type: string; value?: string }[] } | null)?.parts;
  return parts?.length === 1 && parts[0]?.type === 'Literal' ? parts[0].value : undefined;
};
const isFollowFlag = (a: string | undefined) => a !== undefined && (/^-[a-zA-Z0-9]*[fF][a-zA-Z0-9]*$/.test(a) || a === '--follow' || a.startsWith('--follow='));

/** Renames every `tail` with a follow flag in the parsed script (in place). */
export function renameFollowingTails(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(renameFollowingTails);
  const n = node as Node;
  if (n.type === 'SimpleCommand' && literal(n.name) === 'tail' && (n.args as unknown[]).some((a) => isFollowFlag(literal(a)))) {
    const parts = (n.name as { parts: { value: string }[] }).parts;
    if (parts[0]) parts[0].value = FOLLOW_COMMAND;
  }
  for (const v of Object.values(n)) if (v && typeof v === 'object') renameFollowingTails(v);
}

export interface FollowIO {
  out(text: string): void;
  err(text: string): void;
  sleep(ms: number): Promise<void>;
  stopped(): boolean;
}

function parseArgs(args: string[]): { lines: number; files: string[] } {
  let lines = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const n = /^-n(\+?\d+)?$/.exec(a) ? (a.length > 2 ? a.slice(2) : args[++i]) : /^-\d+$/.test(a) ? a.slice(1) : undefined;
    if (n !== undefined) lines = Number.parseInt(n.replace('+', ''), 10) || 0;
    else if (!a.startsWith('-') || a === '-') files.push(a);
  }
  return { lines, files };
}

const lastLines = (text: string, n: number) => {
  const ls = text.split('\n');
  const trailing = ls[ls.length - 1] === '' ? ls.pop() : undefined;
  return ls.slice(Math.max(0, ls.length - n)).join('\n') + (trailing === '' ? '\n' : '');
};

export function followCommand(io: FollowIO): Command {
  return defineCommand(FOLLOW_COMMAND, async (args, ctx) => {
    const { lines, files } = parseArgs(args);
    const seen = new Map<string, number>();
    const read = async (f: string) => {
      const p = ctx.fs.resolvePath(ctx.cwd, f);
      return (await ctx.fs.exists(p)) ? ctx.fs.readFile(p) : undefined;
    };
    for (const f of files) {
      const text = await read(f);
      if (text === undefined) io.err(`tail: can't open '${f}': No such file or directory\n`);
      else io.out(lastLines(text, lines));
      seen.set(f, text?.length ?? 0);
    }
    while (!io.stopped()) {
      await io.sleep(1000);
      for (const f of files) {
        const text = (await read(f)) ?? '';
        const at = seen.get(f) ?? 0;
        if (text.length > at) io.out(text.slice(at));
        seen.set(f, text.length);
      }
    }
    return { stdout: '', stderr: '', exitCode: 137 };
  });
}
