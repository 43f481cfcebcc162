// clientcmd's PromptingAuthLoader: when a TLS server's user cannot be identified (no user name,
// client certificate, token, exec plugin or auth provider), kubectl asks on stdout for a user name
// (read as fmt.Fscan reads one word: white space and newlines skipped; none before the end is io.EOF)
// and then a password, which only a terminal can give (term.ReadPassword, without echo).
import type { Readable } from 'node:stream';
import type { ReadStream } from 'node:tty';
import type { Io } from '../shared/io.js';

/** The next white-space separated word of stdin, or undefined at its end. */
function scanWord(stdin: Readable): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let word = '';
    const finish = (v: string | undefined, err?: Error): void => {
      stdin.off('data', onData).off('end', onEnd).off('error', onError);
      stdin.pause();
      if (err) reject(err);
      else resolve(v);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (/\s/.test(ch)) {
          if (word) return finish(word);
        } else word += ch;
      }
    };
    const onEnd = (): void => finish(word || undefined);
    const onError = (err: Error): void => finish(undefined, err);
    stdin.on('data', onData).on('end', onEnd).on('error', onError);
    stdin.resume();
  });
}

/** term.ReadPassword: a line typed without echo, backspace honoured. */
function readPassword(tty: ReadStream): Promise<string> {
  return new Promise((resolve) => {
    let line = '';
    tty.setRawMode(true);
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') {
          tty.off('data', onData);
          tty.setRawMode(false);
          tty.pause();
          return resolve(line);
        }
        if (ch === '\x7f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else line += ch;
      }
    };
    tty.on('data', onData);
    tty.resume();
  });
}

export async function promptCredentials(io: Io): Promise<{ username: string; password: string }> {
  io.stdout.write('Please enter Username: ');
  const username = await scanWord(io.stdin);
  if (username === undefined) throw new Error('EOF');
  io.stdout.write('Please enter Password: ');
  const tty = io.stdin as ReadStream;
  if (!tty.isTTY) throw new Error('error reading input for Password');
  return { username, password: await readPassword(tty) };
}
