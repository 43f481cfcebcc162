// kubectl's ValidArgsFunctions and flag completion functions (pkg/util/completion/completion.go,
// cp.go, get_flags.go, cobra's help command), evaluated for one completion request.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandNode } from '../../tree.js';
import { Directive } from './directive.js';
import { compGetContainers, compGetPorts, compGetResource, compGetResourceList, configNames, podNameFor, type CompEnv } from './kube.js';
import type { CompFn } from './registry.js';

export interface Result {
  comps: string[];
  directive: number;
}

export interface FnInput {
  env: CompEnv;
  node: CommandNode;
  args: string[];
  toComplete: string;
  /** cobra's help-command completion: the children of a command, with their short descriptions */
  subcommands: (node: CommandNode, toComplete: string) => string[];
  findNode: (args: string[]) => CommandNode | undefined;
}

const NO_FILE = Directive.NoFileComp;
const PODS_HOLDERS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** cmdutil.Difference: the items of a that are not in b. */
const difference = (a: string[], b: string[]): string[] => a.filter((x) => !b.includes(x));

async function typeAndName(fn: { allowed?: string[]; repeat: boolean }, i: FnInput): Promise<Result> {
  const { env, args, toComplete } = i;
  const first = args[0];
  if (first !== undefined && !first.includes('/')) {
    if (!fn.repeat && args.length !== 1) return { comps: [], directive: NO_FILE };
    const names = await compGetResource(env, first, toComplete);
    return { comps: args.length > 1 ? difference(names, args.slice(1)) : names, directive: NO_FILE };
  }
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    if (!fn.repeat && args.length !== 0) return { comps: [], directive: NO_FILE };
    const type = toComplete.slice(0, slash);
    const names = (await compGetResource(env, type, toComplete.slice(slash + 1))).map((n) => `${type}/${n}`);
    return { comps: args.length > 0 ? difference(names, args) : names, directive: NO_FILE };
  }
  const types = fn.allowed?.filter((t) => t.startsWith(toComplete)) ?? (await compGetResourceList(env, toComplete));
  if (args.length === 0) return { comps: types, directive: NO_FILE };
  if (!fn.repeat) return { comps: [], directive: NO_FILE };
  return { comps: types.map((t) => `${t}/`), directive: NO_FILE | Directive.NoSpace };
}

/** doPodResourceCompletion: pod names and `type/` of kinds that hold pods, or `type/name`. */
async function podResource(env: CompEnv, toComplete: string): Promise<Result> {
  const slash = toComplete.indexOf('/');
  if (slash >= 0) {
    const type = toComplete.slice(0, slash);
    const names = await compGetResource(env, type, toComplete.slice(slash + 1));
    return { comps: names.map((n) => `${type}/${n}`), directive: NO_FILE };
  }
  const pods = await compGetResource(env, 'pod', toComplete);
  const directive = pods.length === 0 ? NO_FILE | Directive.NoSpace : NO_FILE;
  return { comps: [...pods, ...PODS_HOLDERS.filter((r) => r.startsWith(toComplete)).map((r) => `${r}/`)], directive };
}

async function ports(i: FnInput): Promise<Result> {
  const { env, args, toComplete } = i;
  if (args.length === 0) return podResource(env, toComplete);
  if (args.length > 1) return { comps: [], directive: NO_FILE };
  const parts = args[0]!.split('/');
  const type = parts.length === 1 ? 'pod' : parts[0]!;
  if (['service', 'services', 'svc'].includes(type)) return { comps: await compGetPorts(env, 'service', parts[1]!, toComplete), directive: NO_FILE };
  // kubectl goes on with pod '' when the conversion fails
  return { comps: await compGetPorts(env, 'pod', await podNameFor(env, args[0]!), toComplete), directive: NO_FILE };
}

async function containers(env: CompEnv, arg: string, toComplete: string): Promise<string[]> {
  return compGetContainers(env, await podNameFor(env, arg), toComplete);
}

/** cp's first argument: `namespace/`, `pod:`, files of the working directory, or `./` and `/`. */
async function cp(i: FnInput): Promise<Result> {
  const { env, args, toComplete } = i;
  if (args.length > 0 || toComplete.search(/[/.~]/) === 0 || toComplete.includes(':')) return { comps: [], directive: Directive.NoSpace };
  const slash = toComplete.indexOf('/');
  if (slash > 0) {
    const ns = toComplete.slice(0, slash);
    const pods = await compGetResource(env, 'pod', '', ns);
    return { comps: pods.map((p) => `${ns}/${p}:`).filter((c) => c.startsWith(toComplete)), directive: Directive.NoSpace };
  }
  const comps = [
    ...(await compGetResource(env, 'namespace', toComplete)).map((n) => `${n}/`),
    ...(await compGetResource(env, 'pod', toComplete)).map((p) => `${p}:`),
  ];
  if (comps.length > 0 && toComplete !== '') comps.push(...localFiles(env.io.cwd, toComplete));
  else if (toComplete === '') comps.push('./', '/');
  return { comps, directive: Directive.NoSpace };
}

function localFiles(cwd: string, prefix: string): string[] {
  try {
    const entries = readdirSync(join(cwd, '.'), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return entries.filter((e) => e.name.startsWith(prefix)).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  } catch {
    return [];
  }
}

function outputFormats(node: CommandNode, toComplete: string): string[] {
  const usage = node.spec.flags.find((f) => f.name === 'output')?.usage ?? '';
  const list = /One of: \(([^)]*)\)/.exec(usage)?.[1] ?? '';
  return list.split(', ').filter((f) => f !== '' && f.startsWith(toComplete));
}

function help(i: FnInput): Result {
  const node = i.findNode(i.args);
  return { comps: node === undefined ? [] : i.subcommands(node, i.toComplete), directive: NO_FILE };
}

export async function evaluate(fn: CompFn, i: FnInput): Promise<Result> {
  const { env, args, toComplete } = i;
  const only = (comps: string[]): Result => ({ comps, directive: NO_FILE });
  switch (fn.kind) {
    case 'typeAndName': return typeAndName(fn, i);
    case 'names': return only(!fn.firstArgOnly || args.length === 0 ? await compGetResource(env, fn.resource, toComplete) : []);
    case 'pod': return args.length === 0 ? podResource(env, toComplete) : only([]);
    case 'podAndContainer':
      if (args.length === 0) return podResource(env, toComplete);
      return only(args.length === 1 ? await containers(env, args[0]!, toComplete) : []);
    case 'container': return only(args.length > 0 ? await containers(env, args[0]!, toComplete) : []);
    case 'ports': return ports(i);
    case 'config': return only(!fn.firstArgOnly || args.length === 0 ? await configNames(env, fn.what, toComplete) : []);
    case 'fixed': return only(fn.values);
    case 'output': return only(outputFormats(i.node, toComplete));
    case 'cp': return cp(i);
    case 'help': return help(i);
  }
}
