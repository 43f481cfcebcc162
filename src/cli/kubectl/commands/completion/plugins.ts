// kubectl's plugin completion (pkg/cmd/plugin/plugin_completion.go): on a completion request,
// every `kubectl-*` plugin on PATH becomes a command node (words split on `-`, `_` read as `-`)
// under the built-in command its leading words name, with the Short "The command NAME is a plugin
// installed by the user"; completing its arguments runs `kubectl_complete-NAME` when PATH has one.
import { basename } from 'node:path';
import { findCommand, type CommandNode } from '../../tree.js';
import { listPlugins } from '../plugin/scan.js';

const PLUGIN_SHORT = new WeakMap<CommandNode, string>();

export function isPluginNode(node: CommandNode): boolean {
  return PLUGIN_SHORT.has(node);
}

export function pluginShort(node: CommandNode): string | undefined {
  return PLUGIN_SHORT.get(node);
}

function addPlugin(root: CommandNode, file: string): void {
  const words = basename(file).split('-').slice(1).map((w) => w.replaceAll('_', '-'));
  const found = findCommand(root, words, []);
  let parent = found.node;
  for (const word of found.args) {
    const node: CommandNode = { spec: { path: [...parent.spec.path, word], runnable: true, flags: [], help: '' }, name: word, parent, children: [] };
    PLUGIN_SHORT.set(node, `The command ${word} is a plugin installed by the user`);
    parent.children.push(node);
    parent = node;
  }
}

/** registerPluginCommands(kubectl, true): the plugins of PATH added to the tree. */
export function registerPlugins(root: CommandNode, pathEnv: string): void {
  for (const file of listPlugins(pathEnv).plugins) addPlugin(root, file);
}
