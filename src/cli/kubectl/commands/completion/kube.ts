// kubectl's completion helpers (pkg/util/completion): names from the server through our own `get`,
// resource types through our own `api-resources`, names from the kubeconfig. Failures yield nothing,
// as the real ones ignore their errors (only client-go's klog lines reach stderr).
import type { Io } from '../../../shared/io.js';
import { Factory } from '../../factory.js';
import type { Parsed } from '../../../shared/pflag.js';
import { podFor } from '../logs/pods.js';
import { globalArgs, runCaptured } from './runner.js';

/** What a completion function needs: the streams and the flags parsed off the command line. */
export interface CompEnv {
  io: Io;
  parsed: Parsed;
  /** flags of the command that shadow global ones (not passed on) */
  shadowed: Set<string>;
}

type Obj = Record<string, unknown>;

async function getJson(env: CompEnv, args: string[]): Promise<Obj | undefined> {
  const out = await runCaptured(['get'], [...args, '-o', 'json', ...globalArgs(env.parsed, env.shadowed)], env.io);
  try {
    return JSON.parse(out) as Obj;
  } catch {
    return undefined;
  }
}

const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const nameOf = (o: Obj): string => String((o.metadata as Obj | undefined)?.name ?? '');

/** CompGetResource: names of that resource (in the namespace in force) starting with toComplete. */
export async function compGetResource(env: CompEnv, resource: string, toComplete: string, namespace?: string): Promise<string[]> {
  const ns = namespace === undefined ? [] : [`--namespace=${namespace}`];
  const list = await getJson(env, [resource, ...ns]);
  const items = list === undefined ? [] : list.items === undefined ? [list] : asList(list.items);
  return items.map(nameOf).filter((n) => n !== '' && n.startsWith(toComplete));
}

/** The pod itself (a get of `pod NAME`), or undefined. */
export async function getPod(env: CompEnv, pod: string): Promise<Obj | undefined> {
  return getJson(env, ['pod', pod]);
}

/** CompGetContainers: init containers, then containers. */
export async function compGetContainers(env: CompEnv, pod: string, toComplete: string): Promise<string[]> {
  const obj = await getPod(env, pod);
  const spec = (obj?.spec ?? {}) as Obj;
  const names = [...asList(spec.initContainers), ...asList(spec.containers)].map((c) => String(c.name ?? ''));
  return names.filter((n) => n !== '' && n.startsWith(toComplete));
}

/** CompGetPodContainerPorts / CompGetServicePorts: `exposed:port`, exposed being what is typed before `:`. */
export async function compGetPorts(env: CompEnv, kind: 'pod' | 'service', name: string, toComplete: string): Promise<string[]> {
  const obj = await getJson(env, [kind, name]);
  const spec = (obj?.spec ?? {}) as Obj;
  const ports = kind === 'service' ? asList(spec.ports).map((p) => p.port) : asList(spec.containers).flatMap((c) => asList(c.ports).map((p) => p.containerPort));
  const exposed = toComplete.split(':')[0]!;
  return ports.map((p) => `${toComplete === '' ? String(p) : exposed}:${String(p)}`).filter((c) => c.startsWith(toComplete));
}

/** compGetResourceList: `api-resources -o name --verbs=get` names; completes the last of `a,b,c`. */
export async function compGetResourceList(env: CompEnv, toComplete: string): Promise<string[]> {
  const out = await runCaptured(['api-resources'], ['-o', 'name', '--verbs=get', ...globalArgs(env.parsed, env.shadowed)], env.io);
  const cut = toComplete.lastIndexOf(',');
  const prefix = cut < 0 ? '' : toComplete.slice(0, cut + 1);
  const suffix = cut < 0 ? toComplete : toComplete.slice(cut + 1);
  return out.split('\n').filter((r) => r !== '' && r.startsWith(suffix)).map((r) => prefix + r);
}

/** The factory of kubectl's global flags (those the command does not shadow). */
function globalFactory(env: CompEnv): Factory {
  const values = new Map([...env.parsed.values].filter(([name]) => !env.shadowed.has(name)));
  const changed = new Set([...env.parsed.changed].filter((name) => !env.shadowed.has(name)));
  return new Factory(env.io, { ...env.parsed, values, changed });
}

/** convertResourceNameToPodName: NAME is a pod's name; TYPE/NAME is resolved to the pod it runs
 * (itself for a pod, else one its selector matches), or '' when that fails. Its resource builder
 * logs 4 klog lines when discovery fails (the later get of pod '' 5 more). */
export async function podNameFor(env: CompEnv, arg: string): Promise<string> {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const factory = globalFactory(env);
  try {
    const r = await (await factory.mapper(4)).resolve(arg.slice(0, slash));
    const { namespace } = await factory.namespace();
    const { pods } = await podFor(await factory.client(), r, namespace, arg.slice(slash + 1));
    return String(pods[0]?.metadata.name ?? '');
  } catch {
    return '';
  } finally {
    factory.close();
  }
}

/** ListContextsInConfig and friends: names in the merged kubeconfig (the real order is a Go map's). */
export async function configNames(env: CompEnv, what: 'contexts' | 'clusters' | 'users', toComplete: string): Promise<string[]> {
  const factory = globalFactory(env);
  try {
    const { config } = await factory.kubeconfig();
    return config[what].map((e) => e.name).filter((n) => n.startsWith(toComplete));
  } catch {
    return [];
  } finally {
    factory.close();
  }
}
