// os.MkdirTemp and os.CreateTemp as Go names them: the pattern's prefix, a random uint32 in
// decimal, the suffix; created 0700 / 0600, retried on a clash.
import { mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';

const nextRandom = (): string => String(randomInt(0, 2 ** 32));

function attempt<T>(fn: (name: string) => T): T {
  for (let i = 0; ; i++) {
    try {
      return fn(nextRandom());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || i >= 10000) throw err;
    }
  }
}

export function goMkdirTemp(dir: string, prefix: string): string {
  return attempt((r) => {
    const p = join(dir, `${prefix}${r}`);
    mkdirSync(p, { mode: 0o700 });
    return p;
  });
}

/** os.CreateTemp with a `prefix*suffix` pattern, the content written. */
export function goCreateTemp(dir: string, prefix: string, suffix: string, content: string): string {
  return attempt((r) => {
    const p = join(dir, `${prefix}${r}${suffix}`);
    const fd = openSync(p, 'wx', 0o600);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return p;
  });
}
