// What kubectl v0.32.4 registers with cobra for completion, as data: each command's ValidArgs or
// ValidArgsFunction (pkg/util/completion and the commands' NewCmd*), and the flag completion
// functions (RegisterFlagCompletionFunc, and --filename's BashCompFilenameExt annotation).

/** A kubectl completion function, named after pkg/util/completion's constructors. */
export type CompFn =
  | { kind: 'typeAndName'; allowed?: string[]; repeat: boolean }
  | { kind: 'names'; resource: string; firstArgOnly: boolean }
  | { kind: 'pod' }
  | { kind: 'podAndContainer' }
  | { kind: 'container' }
  | { kind: 'ports' }
  | { kind: 'config'; what: 'contexts' | 'clusters' | 'users'; firstArgOnly: boolean }
  | { kind: 'fixed'; values: string[] }
  | { kind: 'output' }
  | { kind: 'cp' }
  | { kind: 'help' };

const ALL: CompFn = { kind: 'typeAndName', repeat: true };
const allowed = (types: string[], repeat = true): CompFn => ({ kind: 'typeAndName', allowed: types, repeat });
const SCALABLE = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
const ROLLABLE = ['deployment', 'daemonset', 'statefulset'];
const node: CompFn = { kind: 'names', resource: 'node', firstArgOnly: true };
const config = (what: 'contexts' | 'clusters' | 'users'): CompFn => ({ kind: 'config', what, firstArgOnly: true });

/** Commands with ValidArgs (a fixed list, completed as the first argument only). */
export const VALID_ARGS: Record<string, string[]> = {
  // kubectl ranges over a Go map: the real order varies from run to run.
  completion: ['bash', 'zsh', 'fish', 'powershell'],
};

/** Commands with a ValidArgsFunction, by path. */
export const ARGS_FUNCTIONS: Record<string, CompFn> = {
  get: ALL, describe: ALL, delete: ALL, edit: ALL, label: ALL, annotate: ALL, patch: ALL,
  'apply edit-last-applied': ALL, 'apply view-last-applied': ALL,
  autoscale: allowed(SCALABLE), scale: allowed(SCALABLE),
  expose: allowed(['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset']),
  'rollout history': allowed(ROLLABLE), 'rollout restart': allowed(ROLLABLE), 'rollout undo': allowed(ROLLABLE),
  'rollout status': allowed(ROLLABLE, false),
  'rollout pause': allowed(['deployment']), 'rollout resume': allowed(['deployment']),
  'set image': allowed(['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'], false),
  taint: allowed(['node']),
  attach: { kind: 'pod' }, exec: { kind: 'pod' },
  logs: { kind: 'podAndContainer' },
  'port-forward': { kind: 'ports' },
  'create token': { kind: 'names', resource: 'serviceaccount', firstArgOnly: true },
  cordon: node, uncordon: node, drain: node, 'top node': node,
  'top pod': { kind: 'names', resource: 'pod', firstArgOnly: true },
  'config delete-cluster': config('clusters'),
  'config delete-context': config('contexts'), 'config rename-context': config('contexts'),
  'config set-context': config('contexts'), 'config use-context': config('contexts'),
  'config delete-user': config('users'),
  cp: { kind: 'cp' },
  help: { kind: 'help' },
};

const namespaces: CompFn = { kind: 'names', resource: 'namespace', firstArgOnly: false };

/** Flag completion functions: `path --flag`, `* --flag` (any command's own), `--flag` (global). */
const FLAG_FUNCTIONS: Record<string, CompFn> = {
  '--namespace': namespaces,
  '--context': { kind: 'config', what: 'contexts', firstArgOnly: false },
  '--cluster': { kind: 'config', what: 'clusters', firstArgOnly: false },
  '--user': { kind: 'config', what: 'users', firstArgOnly: false },
  // cmdutil.AddSubresourceFlags registers it on each command that has the flag
  '* --subresource': { kind: 'fixed', values: ['status', 'scale', 'resize'] },
  'get --output': { kind: 'output' },
  'exec --container': { kind: 'container' },
  'create clusterrolebinding --clusterrole': { kind: 'names', resource: 'clusterrole', firstArgOnly: false },
  'config set-context --namespace': namespaces,
};

/** The flag's completion function. `own`: the command defines the flag itself, which then shadows
 * the global flag of that name and its function (kubectl registers them on the root's flags). */
export function flagFunction(path: string, flag: string, own: boolean): CompFn | undefined {
  return FLAG_FUNCTIONS[`${path} --${flag}`] ?? (own ? FLAG_FUNCTIONS[`* --${flag}`] : FLAG_FUNCTIONS[`--${flag}`]);
}

/** Flags with BashCompFilenameExt extensions (cmdutil.AddJsonFilenameFlag: resource.FileExtensions). */
export function filenameExtensions(flag: string): string[] | undefined {
  return flag === 'filename' ? ['json', 'yaml', 'yml'] : undefined;
}
