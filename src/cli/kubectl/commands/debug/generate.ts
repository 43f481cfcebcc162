// The pods debug makes: the target pod with an ephemeral container added, a pod on a node in its
// host namespaces, or a copy of the target pod with a container added or changed — each through
// the profile and the custom profile, as generateDebugContainer, generateNodeDebugPod and
// generatePodCopyWithDebugContainer do.
import { randomSuffix } from '../create/deployment.js';
import { applyCustomProfile, applyCustomProfileEphemeral } from './custom.js';
import type { DebugOptions } from './options.js';
import { containerNames, type DebugContainer, type DebugPod } from './pod.js';

export interface Generator {
  o: DebugOptions;
  /** stdout, for the informational messages */
  out: (text: string) => void;
  /** utilrand.String(5) */
  suffix?: () => string;
}

const suffixOf = (g: Generator): string => (g.suffix ?? randomSuffix)();

/** computeDebugContainerName: -c, or a `debugger-xxxxx` no container of the pod has. */
export function debugContainerName(g: Generator, pod: DebugPod): string {
  if (g.o.container !== '') return g.o.container;
  const taken = containerNames(pod);
  let name = '';
  while (name === '' || taken.has(name)) name = `debugger-${suffixOf(g)}`;
  if (!g.o.quiet) g.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

/** The container fields every new debug container gets from the flags; the command (or args) after `--`. */
function newContainer(o: DebugOptions, name: string): DebugContainer {
  const c: DebugContainer = {
    name, env: o.env, image: o.image, imagePullPolicy: o.pullPolicy, stdin: o.interactive, terminationMessagePolicy: 'File', tty: o.tty,
  };
  if (o.argsOnly) c.args = o.args;
  else c.command = o.args;
  return c;
}

/** generateDebugContainer: a copy of the pod with the ephemeral container added, and its name. */
export function withEphemeralContainer(g: Generator, pod: DebugPod): { pod: DebugPod; name: string } {
  const name = debugContainerName(g, pod);
  const copied = structuredClone(pod);
  const ec = { ...newContainer(g.o, name), targetContainerName: g.o.target };
  copied.spec.ephemeralContainers = [...(copied.spec.ephemeralContainers ?? []), ec];
  g.o.applier(copied, name, 'ephemeral');
  if (g.o.custom) applyCustomProfileEphemeral(copied, name, g.o.custom);
  return { pod: copied, name };
}

/** generateNodeDebugPod: `node-debugger-NODE-xxxxx`, on the node, tolerating every taint, never restarted. */
export function nodeDebugPod(g: Generator, node: string): DebugPod {
  const cn = g.o.container !== '' ? g.o.container : 'debugger';
  const pn = `node-debugger-${node}-${suffixOf(g)}`;
  if (!g.o.quiet) g.out(`Creating debugging pod ${pn} with container ${cn} on node ${node}.\n`);
  const p: DebugPod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: pn },
    spec: { containers: [newContainer(g.o, cn)], nodeName: node, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] },
  };
  g.o.applier(p, cn, 'node');
  if (g.o.custom) applyCustomProfile(p, cn, g.o.custom);
  return p;
}

/** The copy's metadata and spec before the debug container: no ephemeral containers, images set. */
function baseCopy(o: DebugOptions, pod: DebugPod): DebugPod {
  const { labels, annotations, namespace } = pod.metadata;
  const copied: DebugPod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: o.copyTo, ...(namespace ? { namespace } : {}), ...(annotations ? { annotations } : {}), ...(labels ? { labels } : {}) },
    spec: structuredClone(pod.spec),
  };
  delete copied.spec.ephemeralContainers;
  if (o.shareProcessesChanged) copied.spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete copied.spec.nodeName;
  for (const c of copied.spec.containers) {
    const image = o.setImages.get(c.name) ?? o.setImages.get('*') ?? '';
    if (image !== '') c.image = image;
  }
  return copied;
}

function modify(o: DebugOptions, c: DebugContainer): void {
  if (o.args.length > 0) {
    if (o.argsOnly) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  if (o.env.length > 0) c.env = o.env;
  if (o.image !== '') c.image = o.image;
  if (o.pullPolicy !== '') c.imagePullPolicy = o.pullPolicy;
  c.stdin = o.interactive;
  c.tty = o.tty;
}

/** generatePodCopyWithDebugContainer: the copy and its debug container's name ('' for --set-image alone). */
export function podCopy(g: Generator, pod: DebugPod): { pod: DebugPod; name: string } {
  const { o } = g;
  const copied = baseCopy(o, pod);
  let name = o.container;
  let c = [...copied.spec.containers, ...(copied.spec.initContainers ?? [])].find((x) => x.name === name);
  if (!c) {
    if (o.image === '') {
      if (o.setImages.size > 0) return { pod: copied, name: '' };
      throw new Error('you must specify image when creating new container');
    }
    if (name === '') name = debugContainerName(g, copied);
    c = { name, terminationMessagePolicy: 'File' };
    copied.spec.containers.push(c);
  }
  modify(o, c);
  o.applier(copied, c.name, 'podCopy');
  if (o.custom) applyCustomProfile(copied, name, o.custom);
  return { pod: copied, name };
}
