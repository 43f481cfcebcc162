// The manifest-driven commands (apply and its subcommands, create -f's engine, replace, diff,
// edit, kustomize), by their path after `kubectl`; each module loads only when it runs.
import type { CommandModule } from '../context.js';

export const APPLY_COMMANDS: Record<string, () => Promise<CommandModule>> = {
  apply: () => import('./apply/apply.js'),
  replace: () => import('./replace.js'),
  diff: () => import('./diff.js'),
  edit: () => import('./edit.js'),
  kustomize: () => import('./kustomize.js'),
  'apply edit-last-applied': () => import('./apply/edit-last-applied.js'),
  'apply view-last-applied': () => import('./apply/view-last-applied.js'),
  'apply set-last-applied': () => import('./apply/set-last-applied.js'),
};
