// The streams and environment a CLI runs with, injected so tests can run commands in-process.
import type { Readable } from 'node:stream';

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The process's own streams; stdin only when a command reads it (making its stream costs ~2 ms). */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Reads stdin to its end. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
