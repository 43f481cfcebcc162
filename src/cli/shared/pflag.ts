// pflag-compatible parsing: interspersed flags, `--name=v`, `--name v`, `-x v`, `-xv`, bool
// shorthands, `--` ends flags. Error texts are pflag's.
import { durationError, parseDuration } from '../../client/go-duration.js';

/** stringSlice splits on commas (pflag's StringSlice); stringArray keeps each value whole. */
export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** the default as the tool prints it (durations `5s`, slices `[a,b]`) */
  def: string;
  usage: string;
  /** pflag's NoOptDefVal: the value a bare `--name` (no `=value`) sets */
  noOptDef?: string;
  hidden?: boolean;
  /**
   * A Go flag-package flag added to pflag (klog's): its values are checked by the flag package,
   * whose errors say 'parse error', or by klog's own Set ('vmodule').
   */
  goFlag?: 'flag' | 'vmodule';
}

export type FlagValue = string | boolean | number | string[];

export interface Parsed {
  values: Map<string, FlagValue>;
  /** names set on the command line */
  changed: Set<string>;
  args: string[];
  /** how many arguments came before `--` (pflag's ArgsLenAtDash), -1 without `--` */
  dashAt: number;
}

export class FlagError extends Error {}

/** pflag's ErrHelp: `--help`/`-h` given to a flag set that does not define them. */
export const HELP_REQUESTED = 'pflag: help requested';

function display(f: FlagSpec): string {
  return f.short !== undefined ? `-${f.short}, --${f.name}` : `--${f.name}`;
}



export function convert(f: FlagSpec, raw: string, prior: FlagValue | undefined): FlagValue {
  const bad = (why: string) => new FlagError(`invalid argument ${JSON.stringify(raw)} for "${display(f)}" flag: ${why}`);
  if (f.goFlag === 'vmodule' && !validVmodule(raw)) throw bad('syntax error: expect comma-separated list of filename=N');
  if (f.goFlag === 'flag' && f.type !== 'string') {
    try {
      return convert({ ...f, goFlag: undefined }, raw, prior);
    } catch {
      throw bad('parse error');
    }
  }
  switch (f.type) {
    case 'bool': {
      const v = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false }[raw];
      if (v === undefined) throw bad(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return v;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    }
    case 'duration': {
      const ms = parseDuration(raw);
      if (ms === null) throw bad(durationError(raw));
      return ms;
    }
    case 'stringSlice': {
      const items = raw === '' ? [] : raw.split(',');
      return Array.isArray(prior) ? [...prior, ...items] : items;
    }
    case 'stringArray':
      return Array.isArray(prior) ? [...prior, raw] : [raw];
    default:
      return raw;
  }
}

/** klog's moduleSpec.Set: comma-separated pattern=N, N a 32-bit integer; empty items skipped. */
function validVmodule(raw: string): boolean {
  return raw.split(',').every((pat) => {
    if (pat === '') return true;
    const parts = pat.split('=');
    return parts.length === 2 && parts[0] !== '' && /^[+-]?\d+$/.test(parts[1]!) && Math.abs(Number(parts[1])) <= 2 ** 31;
  });
}

export function defaultValue(f: FlagSpec): FlagValue {
  if (f.type === 'stringSlice' || f.type === 'stringArray') {
    const inner = f.def.slice(1, -1);
    return inner === '' ? [] : inner.split(',');
  }
  return convert(f, f.def, undefined);
}

class FlagParser {
  readonly values = new Map<string, FlagValue>();
  readonly changed = new Set<string>();
  readonly args: string[] = [];
  dashAt = -1;

  constructor(private readonly specs: FlagSpec[]) {
    for (const f of specs) this.values.set(f.name, defaultValue(f));
  }

  set(f: FlagSpec, raw: string): void {
    const prior = this.changed.has(f.name) ? this.values.get(f.name) : undefined;
    this.values.set(f.name, convert(f, raw, prior));
    this.changed.add(f.name);
  }

  long(arg: string, rest: string[]): void {
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = this.specs.find((s) => s.name === name);
    if (f === undefined) throw new FlagError(name === 'help' ? HELP_REQUESTED : `unknown flag: --${name}`);
    if (eq >= 0) this.set(f, body.slice(eq + 1));
    else if (f.type === 'bool') this.set(f, 'true');
    else if (f.noOptDef !== undefined) this.set(f, f.noOptDef);
    else if (rest.length > 0) this.set(f, rest.shift()!);
    else throw new FlagError(`flag needs an argument: --${name}`);
  }

  shorts(arg: string, rest: string[]): void {
    let chars = arg.slice(1);
    while (chars.length > 0) {
      const c = chars[0]!;
      const f = this.specs.find((s) => s.short === c);
      // pflag names the shorthands still to be read, not the whole argument
      if (f === undefined) throw new FlagError(c === 'h' ? HELP_REQUESTED : `unknown shorthand flag: '${c}' in -${chars}`);
      chars = chars.slice(1);
      // `-f=arg`; a bare `-f=` is `-f` followed by `=`, as pflag's parseSingleShortArg reads it
      if (chars.startsWith('=') && chars.length > 1) { this.set(f, chars.slice(1)); return; }
      if (f.type === 'bool') { this.set(f, 'true'); continue; }
      if (f.noOptDef !== undefined) { this.set(f, f.noOptDef); continue; }
      if (chars.length > 0) { this.set(f, chars); return; }
      if (rest.length === 0) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      this.set(f, rest.shift()!);
      return;
    }
  }

  parse(input: string[]): void {
    const rest = [...input];
    while (rest.length > 0) {
      const arg = rest.shift()!;
      if (arg === '--') { this.dashAt = this.args.length; this.args.push(...rest); return; }
      if (arg.length < 2 || arg[0] !== '-') this.args.push(arg);
      else if (arg.startsWith('--')) this.long(arg, rest);
      else this.shorts(arg, rest);
    }
  }
}

export function parseFlags(specs: FlagSpec[], input: string[]): Parsed {
  const p = new FlagParser(specs);
  p.parse(input);
  return { values: p.values, changed: p.changed, args: p.args, dashAt: p.dashAt };
}

/** cobra's hasNoOptDefVal: a known bool flag (or one with NoOptDefVal) takes no separate value. */
function takesValue(arg: string, flags: FlagSpec[]): boolean {
  if (arg.includes('=')) return false;
  const f = arg.startsWith('--') ? flags.find((s) => s.name === arg.slice(2)) : arg.length === 2 ? flags.find((s) => s.short === arg[1]) : undefined;
  if (!arg.startsWith('--') && arg.length !== 2) return false;
  return f === undefined || (f.type !== 'bool' && f.noOptDef === undefined);
}

/** cobra's stripFlags: the words that are not flags (nor values of flags). */
export function stripFlags(args: string[], flags: FlagSpec[]): string[] {
  const words: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === '--') break;
    if (s.startsWith('-') && takesValue(s, flags)) {
      if (rest.length <= 1) break;
      rest.shift();
    } else if (s !== '' && !s.startsWith('-')) {
      words.push(s);
    }
  }
  return words;
}
