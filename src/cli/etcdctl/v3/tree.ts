// The command tree and cobra's lookup: prefix matching of names (etcdctl enables it), flags
// stripped while looking (a value-taking flag swallows the next word) and suggestions.
import { AUTH_SPECS } from './specs/auth.js';
import { CLUSTER_SPECS } from './specs/cluster.js';
import { KV_SPECS } from './specs/kv.js';
import { MISC_SPECS } from './specs/misc.js';
import type { CommandSpec, FlagSpec } from './spec.js';
import { stripFlags } from '../../shared/pflag.js';

export { stripFlags };

export interface CommandNode {
  spec: CommandSpec;
  name: string;
  parent: CommandNode | null;
  children: CommandNode[];
}

/** Registration order of etcdctl 3.4's root (cobra command sorting is off, so it shows). */
const ROOT_ORDER = [
  'get', 'put', 'del', 'txn', 'compaction', 'alarm', 'defrag', 'endpoint', 'move-leader', 'watch',
  'version', 'lease', 'member', 'snapshot', 'make-mirror', 'migrate', 'lock', 'elect', 'auth', 'user',
  'role', 'check', 'help', 'completion',
];

const HELP_SPEC: CommandSpec = {
  path: ['help'], short: 'Help about any command', use: 'etcdctl help [command] [flags]',
  long: ['Help provides help for any command in the application.', 'Simply type etcdctl help [path to command] for full details.'],
  flags: [{ name: 'help', short: 'h', type: 'bool', def: 'false', usage: 'help for help' }],
};

const ALL_SPECS = [...KV_SPECS, ...CLUSTER_SPECS, ...AUTH_SPECS, ...MISC_SPECS, HELP_SPEC];

export function buildTree(): CommandNode {
  const rootSpec = ALL_SPECS.find((s) => s.path.length === 0)!;
  const root: CommandNode = { spec: rootSpec, name: 'etcdctl', parent: null, children: [] };
  const byDepth = [...ALL_SPECS].filter((s) => s.path.length > 0).sort((a, b) => a.path.length - b.path.length);
  for (const spec of byDepth) {
    let parent = root;
    for (const word of spec.path.slice(0, -1)) parent = parent.children.find((c) => c.name === word)!;
    parent.children.push({ spec, name: spec.path[spec.path.length - 1]!, parent, children: [] });
  }
  root.children.sort((a, b) => ROOT_ORDER.indexOf(a.name) - ROOT_ORDER.indexOf(b.name));
  return root;
}

function byName(a: FlagSpec, b: FlagSpec): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Flags a command inherits: the root's and its groups' (persistent) flags, except help. */
export function globalFlags(node: CommandNode): FlagSpec[] {
  const inherited: FlagSpec[] = [];
  for (let at = node.parent; at !== null; at = at.parent) inherited.push(...at.spec.flags.filter((f) => f.name !== 'help'));
  return inherited.sort(byName);
}

export function allFlags(node: CommandNode, _root?: CommandNode): FlagSpec[] {
  return [...node.spec.flags, ...globalFlags(node)];
}

export function isRunnable(node: CommandNode): boolean {
  return node.children.length === 0;
}

export function commandPath(node: CommandNode): string {
  return node.parent === null ? node.name : `${commandPath(node.parent)} ${node.name}`;
}


function findNext(node: CommandNode, word: string): CommandNode | undefined {
  const exact = node.children.find((c) => c.name === word);
  if (exact !== undefined) return exact;
  const matches = node.children.filter((c) => c.name.startsWith(word));
  return matches.length === 1 ? matches[0] : undefined;
}

export interface Found {
  node: CommandNode;
  args: string[];
  /** cobra's "unknown command" error for the root */
  error?: string;
}

export function findCommand(root: CommandNode, args: string[]): Found {
  let node = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, allFlags(node, root));
    const next = words.length > 0 ? findNext(node, words[0]!) : undefined;
    if (next === undefined) break;
    const at = rest.indexOf(words[0]!);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    node = next;
  }
  const words = stripFlags(rest, allFlags(node, root));
  if (node === root && words.length > 0) {
    return { node, args: rest, error: `unknown command ${JSON.stringify(words[0])} for "etcdctl"${suggestions(root, words[0]!)}` };
  }
  return { node, args: rest };
}

function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

function suggestions(root: CommandNode, typed: string): string {
  const names = root.children
    .filter((c) => c.name !== 'help')
    .filter((c) => levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}
