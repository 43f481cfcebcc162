// Go's filepath.Match and filepath.Glob, as kubectl expands `-f '*.yaml'`: `*`, `?`, `[a-z]`,
// `[^…]`, `\` escapes; a component never matches across `/`; each directory's matches sorted.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

export const hasMeta = (p: string): boolean => /[*?[\\]/.test(p);

/** One character class at pattern[i] (just after `[`): whether ch matches, and where it ends. */
function matchClass(pattern: string, i: number, ch: string): { ok: boolean; end: number } {
  let j = i;
  const negated = pattern[j] === '^';
  if (negated) j++;
  let matched = false;
  let first = true;
  for (;;) {
    if (j >= pattern.length) throw new BadPatternError();
    if (pattern[j] === ']' && !first) break;
    first = false;
    let lo = pattern[j]!;
    if (lo === '\\') lo = pattern[++j] ?? '';
    if (lo === '') throw new BadPatternError();
    j++;
    let hi = lo;
    if (pattern[j] === '-' && pattern[j + 1] !== ']') {
      hi = pattern[j + 1] === '\\' ? (pattern[j + 2] ?? '') : (pattern[j + 1] ?? '');
      if (hi === '') throw new BadPatternError();
      j += pattern[j + 1] === '\\' ? 3 : 2;
    }
    if (lo <= ch && ch <= hi) matched = true;
  }
  return { ok: matched !== negated, end: j + 1 };
}

/** filepath.Match for one path component. */
export function globMatch(pattern: string, name: string): boolean {
  const go = (p: number, n: number): boolean => {
    while (p < pattern.length) {
      const c = pattern[p]!;
      if (c === '*') {
        for (let k = n; k <= name.length; k++) {
          if (k > n && name[k - 1] === '/') break;
          if (go(p + 1, k)) return true;
        }
        return false;
      }
      if (n >= name.length) {
        if (c === '[') matchClass(pattern, p + 1, '\0');
        return false;
      }
      if (c === '?') {
        if (name[n] === '/') return false;
      } else if (c === '[') {
        const r = matchClass(pattern, p + 1, name[n]!);
        if (!r.ok || name[n] === '/') return false;
        p = r.end;
        n++;
        continue;
      } else if (c === '\\') {
        p++;
        if (p >= pattern.length) throw new BadPatternError();
        if (pattern[p] !== name[n]) return false;
      } else if (c !== name[n]) {
        return false;
      }
      p++;
      n++;
    }
    return n === name.length;
  };
  return go(0, 0);
}

function exists(cwd: string, p: string): boolean {
  try {
    statSync(resolve(cwd, p));
    return true;
  } catch {
    return false;
  }
}

function globDir(cwd: string, dir: string, pattern: string): string[] {
  let names: string[];
  try {
    names = readdirSync(resolve(cwd, dir)).sort();
  } catch {
    globMatch(pattern, '');
    return [];
  }
  return names.filter((n) => globMatch(pattern, n)).map((n) => (dir === '.' ? n : join(dir, n)));
}

/** filepath.Glob relative to cwd; throws BadPatternError for a malformed pattern. */
export function glob(pattern: string, cwd: string): string[] {
  if (!hasMeta(pattern)) return exists(cwd, pattern) ? [pattern] : [];
  const slash = pattern.lastIndexOf('/');
  const file = pattern.slice(slash + 1);
  let dir = slash < 0 ? '.' : pattern.slice(0, slash + 1);
  if (dir !== '/' && dir.endsWith('/')) dir = dir.slice(0, -1);
  if (dir === '') dir = '.';
  if (!hasMeta(dir)) return globDir(cwd, dir, file);
  return glob(dir, cwd).flatMap((d) => globDir(cwd, d, file));
}
