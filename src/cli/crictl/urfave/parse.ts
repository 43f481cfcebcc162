// Go's flag package as urfave/cli v2 drives it: flags stop at the first positional (or "--"),
// `-name`/`--name`, `=value` or the next word, and with short-option handling "-aq" is retried as
// "-a -q" when it is not a flag itself. Errors carry Go's texts.
import { parseDuration } from '../../../client/go-duration.js';
import { flagNames, type FlagSpec, type FlagValue } from './types.js';

export class FlagParseError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Canonical names set on the command line or from an environment variable. */
  set: Set<string>;
  args: string[];
}

const INT = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*|0)$/;

function parseGoInt(text: string): number | null {
  if (!INT.test(text)) return null;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '').replace(/_/g, '');
  const n = /^0[0-7]+$/.test(body) ? parseInt(body, 8) : Number(body.replace(/^0[oO]/, '0o'));
  return Number.isFinite(n) ? sign * n : null;
}

const BOOLS: Record<string, boolean> = {
  '1': true, t: true, T: true, TRUE: true, true: true, True: true,
  '0': false, f: false, F: false, FALSE: false, false: false, False: false,
};

export function parseGoBool(text: string): boolean | null {
  return BOOLS[text] ?? null;
}

/** The value a flag of this kind takes from `text`, or null when Go's Set would fail. */
function convert(f: FlagSpec, text: string, prev: FlagValue | undefined, fresh: boolean): FlagValue | null {
  switch (f.kind) {
    case 'bool':
      return parseGoBool(text);
    case 'int':
    case 'int64':
      return parseGoInt(text);
    case 'duration':
      return parseDuration(text);
    case 'slice': {
      const before = !fresh && Array.isArray(prev) ? prev : [];
      return [...before, ...text.split(',').map((s) => s.trim())];
    }
    default:
      return text;
  }
}

export function defaultValue(f: FlagSpec): FlagValue {
  switch (f.kind) {
    case 'bool':
      return false;
    case 'int':
    case 'int64':
      return typeof f.value === 'number' ? f.value : 0;
    case 'duration':
      return typeof f.value === 'string' ? parseDuration(f.value) ?? 0 : 0;
    case 'slice':
      return [];
    default:
      return typeof f.value === 'string' ? f.value : '';
  }
}

class FlagSet {
  readonly byName = new Map<string, FlagSpec>();
  readonly values = new Map<string, FlagValue>();
  readonly set = new Set<string>();
  private readonly fromEnv = new Set<string>();

  constructor(flags: FlagSpec[], env: Record<string, string | undefined>) {
    for (const f of flags) {
      for (const n of flagNames(f)) this.byName.set(n, f);
      this.values.set(f.name, defaultValue(f));
      this.applyEnv(f, env);
    }
  }

  private applyEnv(f: FlagSpec, env: Record<string, string | undefined>): void {
    for (const name of f.env ?? []) {
      const raw = env[name];
      if (raw === undefined) continue;
      const v = convert(f, raw, undefined, true);
      if (v !== null) this.values.set(f.name, v);
      this.set.add(f.name);
      this.fromEnv.add(f.name);
      return;
    }
  }

  assign(f: FlagSpec, name: string, text: string): void {
    const fresh = this.fromEnv.delete(f.name) || !this.set.has(f.name);
    const v = convert(f, text, this.values.get(f.name), fresh);
    if (v === null) {
      if (f.kind === 'bool') throw new FlagParseError(`invalid boolean value ${JSON.stringify(text)} for -${name}: parse error`);
      throw new FlagParseError(`invalid value ${JSON.stringify(text)} for flag -${name}: parse error`);
    }
    this.values.set(f.name, v);
    this.set.add(f.name);
  }

  /** One step of flag.FlagSet.parseOne; returns the remaining args, or null when parsing stops. */
  parseOne(args: string[]): { rest: string[]; done: boolean } {
    const s = args[0];
    if (s === undefined || s.length < 2 || s[0] !== '-') return { rest: args, done: true };
    let minuses = 1;
    if (s[1] === '-') {
      minuses = 2;
      if (s.length === 2) return { rest: args.slice(1), done: true };
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagParseError(`bad flag syntax: ${s}`);
    let rest = args.slice(1);
    let value: string | undefined;
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const f = this.byName.get(name);
    if (f === undefined) throw new FlagParseError(`flag provided but not defined: -${name}`);
    if (f.kind === 'bool') {
      this.assign(f, name, value ?? 'true');
      return { rest, done: false };
    }
    if (value === undefined && rest.length > 0) {
      value = rest[0]!;
      rest = rest.slice(1);
    }
    if (value === undefined) throw new FlagParseError(`flag needs an argument: -${name}`);
    this.assign(f, name, value);
    return { rest, done: false };
  }
}

function parseAll(set: FlagSet, args: string[]): string[] {
  let rest = args;
  for (;;) {
    const step = set.parseOne(rest);
    rest = step.rest;
    if (step.done) return rest;
  }
}

/** urfave's splitShortOptions: "-aq" → ["-a", "-q"] when every letter is a flag. */
function splitShort(set: FlagSet, arg: string): string[] {
  if (!arg.startsWith('-') || arg.startsWith('--') || arg.length <= 2) return [arg];
  const letters = [...arg.slice(1)];
  if (!letters.every((c) => set.byName.has(c))) return [arg];
  return letters.map((c) => `-${c}`);
}

/** urfave's parseIter: parse, and with short-option handling retry with the failing word split. */
export function parseFlags(
  flags: FlagSpec[],
  args: string[],
  env: Record<string, string | undefined>,
  shortOptions: boolean,
): ParsedFlags {
  const set = new FlagSet(flags, env);
  let pending = args;
  for (;;) {
    try {
      const positional = parseAll(set, pending);
      return { values: set.values, set: set.set, args: positional };
    } catch (err) {
      const retry = shortOptions ? retryArgs(set, pending, err) : null;
      if (retry === null) throw err;
      pending = retry;
    }
  }
}

function retryArgs(set: FlagSet, args: string[], err: unknown): string[] | null {
  const prefix = 'flag provided but not defined: -';
  if (!(err instanceof FlagParseError) || !err.message.startsWith(prefix)) return null;
  const trimmed = err.message.slice(prefix.length);
  const i = args.findIndex((a) => a.replace(/^-+/, '') === trimmed);
  if (i < 0) return null;
  const split = splitShort(set, args[i]!);
  if (split.length === 1) return null;
  return [...split, ...args.slice(i + 1)];
}
