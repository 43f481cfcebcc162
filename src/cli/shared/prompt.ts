// Line input from stdin for password prompts and interactive modes (speakeasy's behaviour).
import type { Readable } from 'node:stream';

const buffers = new WeakMap<Readable, { text: string; ended: boolean }>();

function state(stream: Readable): { text: string; ended: boolean } {
  let s = buffers.get(stream);
  if (s === undefined) {
    s = { text: '', ended: false };
    buffers.set(stream, s);
    const st = s;
    stream.on('data', (chunk: Buffer | string) => { st.text += chunk.toString(); });
    stream.on('end', () => { st.ended = true; });
    stream.pause();
  }
  return s;
}

/**
 * Next line without its newline; null at end of input (also for a last line without newline
 * when `requireNewline`, like Go's ReadString('\n') returning io.EOF).
 */
export async function readLineOrEnd(stream: Readable, requireNewline = false): Promise<string | null> {
  const s = state(stream);
  for (;;) {
    const nl = s.text.indexOf('\n');
    if (nl >= 0) {
      const line = s.text.slice(0, nl);
      s.text = s.text.slice(nl + 1);
      return line;
    }
    if (s.ended) {
      if (s.text === '' || requireNewline) return null;
      const line = s.text;
      s.text = '';
      return line;
    }
    await new Promise<void>((resolve) => {
      const done = () => { stream.off('data', done); stream.off('end', done); stream.pause(); resolve(); };
      stream.on('data', done);
      stream.on('end', done);
      stream.resume();
    });
  }
}

export async function readLine(stream: Readable): Promise<string> {
  return (await readLineOrEnd(stream)) ?? '';
}

/** `stty <arg>` on our own terminal, as speakeasy does around a password prompt. */
function stty(arg: string, onError: (text: string) => void, stdin: Readable): void {
  if (stdin !== process.stdin) return;
  // node:child_process only when a prompt needs stty
  const r = process.getBuiltinModule('node:child_process').spawnSync('stty', [arg], { stdio: ['inherit', 'inherit', 'pipe'] });
  if (r.stderr !== null && r.stderr.length > 0) onError(r.stderr.toString());
}

export interface PromptIo {
  stdin: Readable;
  out(text: string): void;
  err(text: string): void;
}

/** speakeasy.Ask: the prompt on stdout, echo off while reading a line, then a newline. */
export async function askPassword(io: PromptIo, prompt: string): Promise<string> {
  io.out(prompt);
  stty('-echo', (t) => io.err(t), io.stdin);
  const line = await readLine(io.stdin);
  stty('echo', (t) => io.err(t), io.stdin);
  io.out('\n');
  return line;
}
