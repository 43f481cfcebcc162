// A shell reading its commands from its input (`kubectl exec -i pod -- sh`): the simulated
// shell runs one script that asks a command of ours for the next complete command (lines are
// gathered until they parse and every here-document is closed) and evals it, so variables, the
// working directory and functions carry from one command to the next, and each command's output
// streams as it runs. On a terminal the shell prompts first, as an interactive shell does.
import { defineCommand, parse, type Command } from 'just-bash';
import type { ShellDialect } from '../runtime/catalog.js';

export const READ_COMMAND = 'kubedojo-read-command';

/** What the read command prints at end of input. */
const EOF_MARK = '__kubedojo_eof__';

/**
 * The driver: read, eval, remember the status; at end of input exit with the last one. (The
 * runtime's stream transform gives the assignment a redirection, so its status is not the
 * read's: the end is a mark.)
 */
export const INTERACTIVE_SCRIPT = `__kd_rc=0
while :; do
  __kd_cmd="$(${READ_COMMAND})"
  case "$__kd_cmd" in ${EOF_MARK}) break ;; esac
  eval "$__kd_cmd"
  __kd_rc=$?
done
exit $__kd_rc
`;

/** Whether text is a whole command: it parses and its here-documents are closed. */
export function complete(text: string): boolean {
  try {
    parse(text);
  } catch {
    return false;
  }
  const lines = text.split('\n');
  for (const m of text.matchAll(/<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/g)) {
    const delim = m[2]!;
    const strip = m[0].startsWith('<<-');
    if (!lines.some((l) => (strip ? l.replace(/^\t+/, '') : l) === delim)) return false;
  }
  return true;
}

/** The prompt an interactive root shell shows: busybox `\w # `, dash `# `, bash `root@host:\w# `. */
export function prompt(shell: string, dialect: ShellDialect, cwd: string, hostname: string): string {
  const w = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd;
  if (dialect === 'busybox') return `${w} # `;
  if (shell === 'bash') return `root@${hostname}:${w}# `;
  return '# ';
}

export interface ReadOptions {
  lines: AsyncIterator<string>;
  /** Set while the shell waits for input (a ^C then only starts a new prompt). */
  waiting?: { now: boolean };
  /** Written before each command is read (a terminal's prompt), given the shell's directory. */
  prompt?: (cwd: string) => string;
  write(text: string): void;
}

/** The command the driver reads with: the next complete command, the mark at end of input. */
export function readCommand(o: ReadOptions): Command {
  return defineCommand(READ_COMMAND, async (_args, ctx) => {
    if (o.prompt) o.write(o.prompt(ctx.cwd));
    let text = '';
    for (;;) {
      if (o.waiting) o.waiting.now = true;
      const next = await o.lines.next();
      if (o.waiting) o.waiting.now = false;
      if (next.done) return { stdout: text || EOF_MARK, stderr: '', exitCode: 0 };
      text += next.value;
      if (!text.trim()) {
        text = '';
        if (o.prompt) o.write(o.prompt(ctx.cwd));
        continue;
      }
      if (complete(text)) return { stdout: text, stderr: '', exitCode: 0 };
      if (o.prompt) o.write('> ');
    }
  });
}

/** Splits input chunks into lines (each with its NL; a last one without). */
export async function* linesOf(chunks: AsyncIterable<Buffer>): AsyncIterable<string> {
  let buf = '';
  for await (const c of chunks) {
    buf += c.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      yield buf.slice(0, nl + 1);
      buf = buf.slice(nl + 1);
    }
  }
  if (buf) yield buf;
}
