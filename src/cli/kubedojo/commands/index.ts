// The command index: each command's help and flags as data, and its module, loaded only when it
// runs. Adding a command is one file in this folder and one entry here.
import { DEFAULT_CLUSTER } from '../../../daemon/paths.js';
import type { Context } from '../context.js';

export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean;
}

export interface CommandModule {
  /** Turns commander's raw options into the command's typed options, checks them, runs. */
  run(raw: Record<string, unknown>, ctx: Context): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  hidden?: boolean;
  options: OptionSpec[];
  load(): Promise<CommandModule>;
}

const NAME: OptionSpec = { flags: '-n, --name <name>', description: 'the cluster', default: DEFAULT_CLUSTER };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'up',
    summary: 'create the cluster (the first time) or start it, and wait until it is ready',
    options: [NAME, { flags: '--config <file>', description: 'the layout of a new cluster (nodes, networks)' }],
    load: () => import('./up.js'),
  },
  { name: 'down', summary: "stop the cluster's daemon (its state is kept)", options: [NAME], load: () => import('./down.js') },
  { name: 'status', summary: 'show whether the cluster runs, its apiserver and its nodes', options: [NAME], load: () => import('./status.js') },
  {
    name: 'reset',
    summary: 'delete the cluster and create it again from the same layout',
    options: [NAME, { flags: '--config <file>', description: 'create it from this layout instead' }],
    load: () => import('./reset.js'),
  },
  { name: 'list', summary: 'list the clusters, one name per line', options: [], load: () => import('./list.js') },
  {
    name: 'logs',
    summary: "print the cluster daemon's log",
    options: [NAME, { flags: '-f, --follow', description: 'keep printing new lines', default: false }],
    load: () => import('./logs.js'),
  },
  { name: '__daemon', summary: "run the cluster's daemon in this process", hidden: true, options: [NAME], load: () => import('./daemon.js') },
];
