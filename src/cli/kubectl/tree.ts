// kubectl's command tree and cobra's lookup: names and aliases (no prefix matching), flags and
// their values skipped while looking, and cobra's "Did you mean this?" suggestions.
import { stripFlags, type FlagSpec } from '../shared/pflag.js';

export { stripFlags };
import type { KubectlSpec } from './spec.js';

export interface CommandNode {
  spec: KubectlSpec;
  name: string;
  parent: CommandNode | null;
  children: CommandNode[];
}

export function buildTree(specs: KubectlSpec[]): CommandNode {
  const rootSpec = specs.find((s) => s.path.length === 0);
  if (!rootSpec) throw new Error('kubectl specs have no root');
  const root: CommandNode = { spec: rootSpec, name: 'kubectl', parent: null, children: [] };
  const byDepth = specs.filter((s) => s.path.length > 0).sort((a, b) => a.path.length - b.path.length);
  for (const spec of byDepth) {
    let parent: CommandNode | undefined = root;
    for (const word of spec.path.slice(0, -1)) parent = parent?.children.find((c) => c.name === word);
    if (!parent) continue;
    parent.children.push({ spec, name: spec.path[spec.path.length - 1]!, parent, children: [] });
  }
  return root;
}

export function commandPath(node: CommandNode): string {
  return node.parent === null ? node.name : `${commandPath(node.parent)} ${node.name}`;
}

const HELP: FlagSpec = { name: 'help', short: 'h', type: 'bool', def: 'false', usage: '' };

/** The command's own flags, cobra's -h/--help, then the global ones its own do not shadow. */
export function allFlags(node: CommandNode, globals: FlagSpec[]): FlagSpec[] {
  const own = node.spec.flags.some((f) => f.name === 'help') ? node.spec.flags : [...node.spec.flags, HELP];
  const names = new Set(own.map((f) => f.name));
  return [...own, ...globals.filter((g) => !names.has(g.name))];
}


function child(node: CommandNode, word: string): CommandNode | undefined {
  return node.children.find((c) => c.name === word || (c.spec.aliases ?? []).includes(word));
}

export interface Found {
  node: CommandNode;
  args: string[];
}

/** cobra's Find: walks down while the next non-flag word names a subcommand. */
export function findCommand(root: CommandNode, args: string[], globals: FlagSpec[]): Found {
  let node = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, allFlags(node, globals));
    const next = words.length > 0 ? child(node, words[0]!) : undefined;
    if (next === undefined) break;
    const at = rest.indexOf(words[0]!);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    node = next;
  }
  return { node, args: rest };
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The order NewKubectlCommand adds its commands in (the help's groups, then alpha, config, plugin,
 * version, api-versions, api-resources, options): cobra suggests the root's in that order (and
 * never its help command).
 */
const ROOT_ORDER = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint',
  'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events',
  'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion',
  'alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

function registered(node: CommandNode): CommandNode[] {
  if (node.parent !== null) return [...node.children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return node.children.filter((c) => ROOT_ORDER.includes(c.name)).sort((a, b) => ROOT_ORDER.indexOf(a.name) - ROOT_ORDER.indexOf(b.name));
}

/** cobra's SuggestionsFor: names within distance 2, or that the typed word prefixes. */
export function suggestionsFor(node: CommandNode, typed: string): string[] {
  return registered(node)
    .filter((c) => c.spec.runnable || c.children.length > 0)
    .filter((c) => levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
}

/** The words of the first unknown subcommand, when args name none at the root. */
export function unknownCommandError(root: CommandNode, word: string): string {
  const s = suggestionsFor(root, word);
  const hint = s.length > 0 ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}\n`).join('')}` : '';
  return `unknown command ${JSON.stringify(word)} for "kubectl"${hint}`;
}
