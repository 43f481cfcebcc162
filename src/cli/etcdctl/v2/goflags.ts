// Go's flag package as urfave/cli uses it: `-name` or `--name`, `=value` or the next word,
// parsing stops at the first non-flag; commands first move flags before arguments
// (urfave's reorderArgs). Error texts are Go's.
import { parseDuration } from '../../../client/go-duration.js';
import type { V2FlagSpec } from './spec.js';

export type V2Value = string | boolean | number;

export class GoFlagError extends Error {}
export class HelpRequested extends Error {}

export interface GoParsed {
  values: Map<string, V2Value>;
  changed: Set<string>;
  args: string[];
}

function convert(f: V2FlagSpec, name: string, raw: string): V2Value {
  if (f.type === 'bool') {
    const v = ({ '1': true, t: true, T: true, true: true, TRUE: true, True: true, '0': false, f: false, F: false, false: false, FALSE: false, False: false } as Record<string, boolean>)[raw];
    if (v === undefined) throw new GoFlagError(`invalid boolean value ${JSON.stringify(raw)} for -${name}: parse error`);
    return v;
  }
  if (f.type === 'int') {
    if (!/^[+-]?\d+$/.test(raw)) throw new GoFlagError(`invalid value ${JSON.stringify(raw)} for flag -${name}: parse error`);
    return Number(raw);
  }
  if (f.type === 'duration') {
    const ms = parseDuration(raw);
    if (ms === null) throw new GoFlagError(`invalid value ${JSON.stringify(raw)} for flag -${name}: parse error`);
    return ms;
  }
  return raw;
}

/**
 * urfave/cli 1.22 reorderArgs: the command's own flags (and their values) move before the
 * arguments, and a `--` goes in front of all remaining arguments (so `exec-watch KEY -- CMD`
 * loses its separator, an etcdctl 3.4 quirk).
 */
export function reorderArgs(specs: V2FlagSpec[], args: string[]): string[] {
  const isFlag = (arg: string) => {
    const name = arg.replace(/^--?/, '').split('=')[0]!;
    return arg.startsWith('-') && specs.some((f) => f.names.includes(name));
  };
  const flags: string[] = [];
  let rest: string[] = [];
  let readValue = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (readValue && !isFlag(arg)) { readValue = false; flags.push(arg); continue; }
    if (arg === '--') { rest = ['--', ...rest, ...args.slice(i + 1)]; break; }
    if (isFlag(arg)) { flags.push(arg); readValue = !arg.includes('='); } else rest.push(arg);
  }
  return [...flags, ...rest];
}

export function parseGoFlags(specs: V2FlagSpec[], input: string[]): GoParsed {
  const values = new Map<string, V2Value>();
  const changed = new Set<string>();
  for (const f of specs) values.set(f.names[0]!, f.def !== undefined ? convert(f, f.names[0]!, f.def) : f.type === 'bool' ? false : f.type === 'string' ? '' : 0);
  const args = [...input];
  while (args.length > 0) {
    const s = args[0]!;
    if (s.length < 2 || s[0] !== '-') break;
    const dashes = s[1] === '-' ? 2 : 1;
    if (dashes === 2 && s.length === 2) { args.shift(); break; }
    args.shift();
    const body = s.slice(dashes);
    if (body === '' || body[0] === '-' || body[0] === '=') throw new GoFlagError(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = specs.find((x) => x.names.includes(name));
    if (f === undefined) {
      if (name === 'help' || name === 'h') throw new HelpRequested();
      throw new GoFlagError(`flag provided but not defined: -${name}`);
    }
    let raw: string;
    if (eq >= 0) raw = body.slice(eq + 1);
    else if (f.type === 'bool') raw = 'true';
    else if (args.length > 0) raw = args.shift()!;
    else throw new GoFlagError(`flag needs an argument: -${name}`);
    values.set(f.names[0]!, convert(f, name, raw));
    changed.add(f.names[0]!);
  }
  return { values, changed, args };
}
