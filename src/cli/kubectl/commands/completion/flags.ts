// cobra's flag side of completion (completions.go v1.8.1): which flags a command offers, in the
// order pflag's VisitAll gives them (inherited ones sorted by name, then the command's own sorted),
// flag-name candidates, required flags, and findFlag for `--name`/`-x` before a value.
import type { FlagSpec } from '../../../shared/pflag.js';
import { GLOBAL_FLAGS, MAP_FLAGS } from '../../specs/index.js';
import type { CommandNode } from '../../tree.js';

/** Flags marked with cobra's MarkFlagRequired in kubectl v0.32.4, by command path. */
const REQUIRED: Record<string, string[]> = {
  autoscale: ['max'],
  'create clusterrolebinding': ['clusterrole'],
  'create cronjob': ['image', 'schedule'],
  'create deployment': ['image'],
  'create service externalname': ['external-name'],
  run: ['image'],
  scale: ['replicas'],
};

/** Persistent flags of commands below the root (kubectl config's own --kubeconfig), by path. */
const PERSISTENT: Record<string, FlagSpec[]> = {
  config: [{ name: 'kubeconfig', type: 'string', def: '', usage: 'use a particular kubeconfig file' }],
};

/** Persistent flags of the command's ancestors below the root, nearest first. */
function ancestorPersistent(node: CommandNode): FlagSpec[] {
  const out: FlagSpec[] = [];
  for (let n = node.parent; n !== null && n.parent !== null; n = n.parent) out.push(...(PERSISTENT[n.spec.path.join(' ')] ?? []));
  return out;
}

export interface CompFlag {
  spec: FlagSpec;
  inherited: boolean;
}

const byName = (a: CompFlag, b: CompFlag): number => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0);

/** The command's flags as cobra visits them: InheritedFlags() then NonInheritedFlags(), each sorted. */
export function visitFlags(node: CommandNode): CompFlag[] {
  const help: FlagSpec = { name: 'help', short: 'h', type: 'bool', def: 'false', usage: `help for ${node.name}` };
  const mine = [...node.spec.flags, ...(PERSISTENT[node.spec.path.join(' ')] ?? [])];
  const own = mine.some((f) => f.name === 'help') ? mine : [...mine, help];
  const names = new Set(own.map((f) => f.name));
  const fromParents = ancestorPersistent(node).filter((f) => !names.has(f.name));
  fromParents.forEach((f) => names.add(f.name));
  const globals = [...fromParents, ...GLOBAL_FLAGS.filter((g) => !names.has(g.name))];
  const isRoot = node.parent === null;
  const inherited = isRoot ? [] : globals.map((spec) => ({ spec, inherited: true }));
  const local = [...own, ...(isRoot ? globals : [])].map((spec) => ({ spec, inherited: false }));
  return [...inherited.sort(byName), ...local.sort(byName)];
}

/** findFlag: a one-letter name is a shorthand (the command's own first, then inherited ones). */
export function findFlag(flags: CompFlag[], name: string): FlagSpec | undefined {
  if (name.length === 1) {
    const short = flags.find((f) => !f.inherited && f.spec.short === name) ?? flags.find((f) => f.inherited && f.spec.short === name);
    return short?.spec;
  }
  return flags.find((f) => f.spec.name === name)?.spec;
}

/** pflag's NoOptDefVal: every bool flag has one ("true"). */
export function hasNoOptDef(f: FlagSpec): boolean {
  return f.type === 'bool' || f.noOptDef !== undefined;
}

/** Slice and Array flags may be given again, so they are offered even when already set. */
function repeatable(node: CommandNode, f: FlagSpec): boolean {
  if (MAP_FLAGS.includes(`${node.spec.path.join(' ')} --${f.name}`)) return false;
  return f.type === 'stringSlice' || f.type === 'stringArray';
}

/** getFlagNameCompletions: `--name\tusage` and `-x\tusage` matching the prefix; none for hidden flags. */
function nameCompletions(f: FlagSpec, toComplete: string): string[] {
  if (f.hidden === true) return [];
  const out: string[] = [];
  if (`--${f.name}`.startsWith(toComplete)) out.push(`--${f.name}\t${f.usage}`);
  if (f.short !== undefined && `-${f.short}`.startsWith(toComplete)) out.push(`-${f.short}\t${f.usage}`);
  return out;
}

/** completeRequireFlags: required flags not yet set. */
export function requiredFlagCompletions(node: CommandNode, changed: Set<string>, toComplete: string): string[] {
  const required = REQUIRED[node.spec.path.join(' ')] ?? [];
  return visitFlags(node)
    .filter((f) => required.includes(f.spec.name) && !changed.has(f.spec.name))
    .flatMap((f) => nameCompletions(f.spec, toComplete));
}

/** Every offerable flag name: not yet set (or repeatable), not hidden. */
export function flagNameCompletions(node: CommandNode, changed: Set<string>, toComplete: string): string[] {
  return visitFlags(node)
    .filter((f) => !changed.has(f.spec.name) || repeatable(node, f.spec))
    .flatMap((f) => nameCompletions(f.spec, toComplete));
}

/** The command's own flags (LocalNonPersistentFlags) set on the command line. */
export function localFlagSet(node: CommandNode, changed: Set<string>): boolean {
  return node.spec.flags.some((f) => changed.has(f.name));
}

/** Names of the flags the command or its ancestors define over global ones: set on the command
 * line, they do not reach the factory the completion functions use. */
export function shadowingFlags(node: CommandNode): Set<string> {
  const globals = new Set(GLOBAL_FLAGS.map((g) => g.name));
  return new Set(visitFlags(node).filter((f) => globals.has(f.spec.name) && f.spec !== GLOBAL_FLAGS.find((g) => g.name === f.spec.name)).map((f) => f.spec.name));
}
