// The mutating verbs, by their path after `kubectl`; each module loads only when it runs.
import type { CommandModule } from '../context.js';

export const MUTATE_COMMANDS: Record<string, () => Promise<CommandModule>> = {
  delete: () => import('./delete.js'),
  label: () => import('./label.js'),
  annotate: () => import('./annotate.js'),
  scale: () => import('./scale.js'),
  patch: () => import('./patch.js'),
  cordon: () => import('./cordon.js'),
  uncordon: () => import('./uncordon.js'),
  taint: () => import('./taint.js'),
  wait: () => import('./wait.js'),
};
