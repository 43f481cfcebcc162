// cmdutil/editor: the editor from $KUBE_EDITOR or $EDITOR (else vi) — run directly when its
// command has no space, split on spaces when it has no quotes or backslashes, otherwise handed
// to $SHELL -c — on a temporary file named like Go's os.CreateTemp("", "kubectl-edit-*.yaml").
import { spawn, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Io } from '../../../shared/io.js';
import { goCreateTemp } from '../diff/temp.js';

export interface Editor {
  args: string[];
  shell: boolean;
}

export function defaultEditor(env: NodeJS.ProcessEnv): Editor {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/bash', '-c', editor], shell: true };
}

/** Go's %q of a path (printable ASCII as is). */
const goQuote = (s: string): string => JSON.stringify(s);

function stdio(io: Io): StdioOptions {
  return [
    io.stdin === process.stdin ? 'inherit' : 'ignore',
    io.stdout === (process.stdout as unknown) ? 'inherit' : 'pipe',
    io.stderr === (process.stderr as unknown) ? 'inherit' : 'pipe',
  ];
}

/** Editor.Launch: resolves when the editor exits 0, else rejects with kubectl's message. */
export function launch(e: Editor, path: string, io: Io): Promise<void> {
  const abs = resolve(io.cwd, path);
  const args = [...e.args];
  if (e.shell) args[args.length - 1] = `${args[args.length - 1]!} ${goQuote(abs)}`;
  else args.push(abs);
  const shown = e.args.join(' ');
  return new Promise((done, fail) => {
    const child = spawn(args[0]!, args.slice(1), { env: io.env, cwd: io.cwd, stdio: stdio(io) });
    child.stdout?.on('data', (d: Buffer) => io.stdout.write(d));
    child.stderr?.on('data', (d: Buffer) => io.stderr.write(d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      fail(new Error(err.code === 'ENOENT' ? `unable to launch the editor ${goQuote(shown)}` : `there was a problem with the editor ${goQuote(shown)}`));
    });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`there was a problem with the editor ${goQuote(shown)}`))));
  });
}

/** LaunchTempFile: the edited text and the file's path (kept for the caller). */
export async function launchTempFile(e: Editor, ext: string, content: string, io: Io): Promise<{ edited: string; file: string }> {
  const file = goCreateTemp(io.env.TMPDIR || tmpdir(), 'kubectl-edit-', ext, content);
  try {
    await launch(e, file, io);
  } catch (err) {
    throw Object.assign(err as Error, { file });
  }
  return { edited: readFileSync(file, 'utf8'), file };
}
