// The `kubectl config` commands, by their path after `kubectl` (spread into COMMANDS).
import type { CommandModule } from '../../context.js';

type Loader = () => Promise<CommandModule>;

export const CONFIG_COMMANDS: Record<string, Loader> = {
  'config view': () => import('./view.js'),
  'config current-context': () => import('./current-context.js'),
  'config get-contexts': () => import('./get-contexts.js'),
  'config get-clusters': () => import('./get-clusters.js'),
  'config get-users': () => import('./get-users.js'),
  'config use-context': () => import('./use-context.js'),
  'config set-context': () => import('./set-context.js'),
  'config set-cluster': () => import('./set-cluster.js'),
  'config set-credentials': () => import('./set-credentials.js'),
  'config delete-context': () => import('./delete-context.js'),
  'config delete-cluster': () => import('./delete-cluster.js'),
  'config delete-user': () => import('./delete-user.js'),
  'config rename-context': () => import('./rename-context.js'),
  'config set': () => import('./set.js'),
  'config unset': () => import('./unset.js'),
};
