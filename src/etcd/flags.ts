// etcd's command line, parsed as Go's flag package does (`-f v`, `--f v`, `--f=v`, booleans
// alone or `=true|false`), with ETCD_* environment variables for flags not given, and etcd's
// errors. The flags and their defaults come from the usage text itself.
import { ETCD_HELP } from './usage.js';

export type FlagValues = Map<string, string>;

export type FlagOutcome =
  | { kind: 'run'; values: FlagValues; warnings: string[] }
  | { kind: 'help' }
  | { kind: 'version' }
  /** Go flag's own errors: message then short usage on stderr, exit 2. */
  | { kind: 'flag-error'; message: string }
  /** etcdmain's verification errors: a log line, exit 1. */
  | { kind: 'invalid'; message: string };

interface FlagDef {
  name: string;
  defaultValue: string;
  bool: boolean;
}

export const FLAG_DEFS: ReadonlyMap<string, FlagDef> = parseDefs(ETCD_HELP);

function parseDefs(help: string): Map<string, FlagDef> {
  const defs = new Map<string, FlagDef>();
  for (const m of help.matchAll(/^ {2}--([a-z0-9-]+) (?:'([^']*)'|(\S+))$/gm)) {
    const name = m[1]!;
    const defaultValue = m[2] ?? m[3] ?? '';
    defs.set(name, { name, defaultValue, bool: defaultValue === 'true' || defaultValue === 'false' });
  }
  defs.set('config-file', { name: 'config-file', defaultValue: '', bool: false });
  return defs;
}

const BOOL = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const truthy = (v: string): boolean => /^(1|t|T|TRUE|true|True)$/.test(v);

export function parseFlags(argv: string[], env: Record<string, string | undefined>): FlagOutcome {
  const values: FlagValues = new Map();
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-' || arg === '--') {
      const rest = arg === '--' ? argv[i + 1] : arg;
      if (rest === undefined) break;
      return { kind: 'invalid', message: `error verifying flags, '${rest}' is not a valid flag. See 'etcd --help'.` };
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (name === 'h' || name === 'help') return { kind: 'help' };
    if (name === 'version') return { kind: 'version' };
    const def = FLAG_DEFS.get(name);
    if (!def) return { kind: 'flag-error', message: `flag provided but not defined: -${name}` };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (def.bool) value = 'true';
    else if (i + 1 < argv.length) value = argv[++i]!;
    else return { kind: 'flag-error', message: `flag needs an argument: -${name}` };
    if (def.bool && !BOOL.test(value)) return { kind: 'flag-error', message: `invalid boolean value "${value}" for -${name}: parse error` };
    values.set(name, def.bool ? String(truthy(value)) : value);
    given.add(name);
  }
  const warnings = applyEnv(values, given, env);
  return { kind: 'run', values, warnings };
}

/** ETCD_<FLAG> for every flag not on the command line; etcd warns about shadowed and unknown ones. */
function applyEnv(values: FlagValues, given: Set<string>, env: Record<string, string | undefined>): string[] {
  const warnings: string[] = [];
  const known = new Map([...FLAG_DEFS.keys()].map((n) => [`ETCD_${n.toUpperCase().replace(/-/g, '_')}`, n]));
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('ETCD_') || value === undefined) continue;
    const name = known.get(key);
    if (!name) {
      if (!['ETCD_UNSUPPORTED_ARCH'].includes(key)) warnings.push(`unrecognized environment variable ${key}=${value}`);
      continue;
    }
    if (given.has(name)) {
      warnings.push(`recognized environment variable ${key}, but unused: shadowed by corresponding flag`);
      continue;
    }
    const def = FLAG_DEFS.get(name)!;
    values.set(name, def.bool ? String(truthy(value)) : value);
  }
  return warnings;
}

/** The value of a flag: given, from the environment, or its default. */
export function flag(values: FlagValues, name: string): string {
  const v = values.get(name) ?? FLAG_DEFS.get(name)?.defaultValue;
  if (v === undefined) throw new Error(`unknown etcd flag ${name}`);
  return v;
}

export const wasSet = (values: FlagValues, name: string): boolean => values.has(name);
