// Reads a control-plane static Pod manifest the way the kubelet would run it: the component
// container's command line, with every path-valued flag turned from a path inside the container
// into a real path, through the container's volumeMounts and the volumes' hostPaths. So the
// restore drill works as on a real node: restore a snapshot into a new folder, point the
// etcd-data hostPath (or --data-dir and its mount) at it, and the cluster runs on that data.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { parse } from 'yaml';

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export interface StaticPodArgsOptions {
  /**
   * Where a path that no volume covers lands: the container's own writable layer, which a
   * restart throws away. Default <nodeRoot>/var/lib/kubedojo/containers/<component>/rootfs.
   */
  containerRoot?: string;
}

interface Mount {
  mountPath: string;
  hostPath: string;
}

/** What to read: the manifest (relative to the node root), the component, its path-valued flags. */
export interface StaticPodSpec {
  manifest: string;
  component: string;
  pathFlags: string[];
}

/** The component container's arguments (without the binary), path flags mapped to real paths. */
export function staticPodArgs(nodeRoot: string, spec: StaticPodSpec, opts: StaticPodArgsOptions = {}): string[] {
  const file = join(nodeRoot, spec.manifest);
  const what = `${spec.component} manifest "${file}"`;
  const pod = readManifest(file, what);
  const container = componentContainer(pod, spec.component, what);
  const argv = [...strings(container.command, what, spec.component, 'command'), ...strings(container.args, what, spec.component, 'args')];
  const args = argv[0] !== undefined && !argv[0].startsWith('-') ? argv.slice(1) : argv;
  const mounts = mountsOf(pod, container, what);
  const containerRoot = opts.containerRoot ?? join(nodeRoot, `var/lib/kubedojo/containers/${spec.component}/rootfs`);
  const realPath = (p: string): string => toRealPath(p, mounts, nodeRoot, containerRoot);
  return mapPathFlags(args, spec.pathFlags, realPath);
}

function readManifest(file: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw new ManifestError(`${what} cannot be read: ${why}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new ManifestError(`${what} is not valid YAML: ${first}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ManifestError(`${what} is not a Pod manifest`);
  }
  return doc as Record<string, unknown>;
}

function componentContainer(pod: Record<string, unknown>, component: string, what: string): Record<string, unknown> {
  const spec = pod.spec as Record<string, unknown> | undefined;
  const containers = Array.isArray(spec?.containers) ? (spec.containers as unknown[]) : [];
  const objects = containers.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object');
  const found = objects.find((c) => c.name === component) ?? objects.find((c) => isCommand(c.command, component));
  if (!found) throw new ManifestError(`${what} has no ${component} container (spec.containers[].name: ${component})`);
  return found;
}

function isCommand(command: unknown, component: string): boolean {
  return Array.isArray(command) && typeof command[0] === 'string' && posix.basename(command[0]) === component;
}

function strings(value: unknown, what: string, component: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${what}: the ${component} container's ${field} is not a list`);
  return value.map((v) => (typeof v === 'string' ? v : String(v)));
}

function mountsOf(pod: Record<string, unknown>, container: Record<string, unknown>, what: string): Mount[] {
  const spec = pod.spec as Record<string, unknown>;
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Record<string, unknown>[]) : [];
  const mounts = Array.isArray(container.volumeMounts) ? (container.volumeMounts as Record<string, unknown>[]) : [];
  const result: Mount[] = [];
  for (const m of mounts) {
    const volume = volumes.find((v) => v?.name === m?.name);
    if (!volume) throw new ManifestError(`${what}: volumeMount "${String(m?.name)}" names no volume`);
    const hostPath = (volume.hostPath as Record<string, unknown> | undefined)?.path;
    if (typeof hostPath !== 'string') continue;
    result.push({ mountPath: String(m.mountPath), hostPath });
  }
  return result.sort((a, b) => b.mountPath.length - a.mountPath.length);
}

function toRealPath(path: string, mounts: Mount[], nodeRoot: string, containerRoot: string): string {
  const p = posix.normalize(path.startsWith('/') ? path : `/${path}`);
  const mount = mounts.find((m) => within(p, posix.normalize(m.mountPath)));
  if (!mount) return join(containerRoot, p);
  const rest = posix.relative(posix.normalize(mount.mountPath), p);
  const hostPath = posix.join(mount.hostPath, rest);
  const underRoot = join(nodeRoot, hostPath);
  // A hostPath is a path on the node; one that exists only on the real machine is taken as is.
  if (existsSync(underRoot) || !isAbsolute(hostPath) || !existsSync(hostPath)) return underRoot;
  return hostPath;
}

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

function mapPathFlags(args: string[], pathFlags: string[], realPath: (p: string) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^(--?)([a-z0-9-]+)(=(.*))?$/.exec(arg);
    const name = m?.[2];
    if (!m || name === undefined || !pathFlags.includes(name)) {
      out.push(arg);
    } else if (m[3] !== undefined) {
      out.push(`${m[1]}${name}=${m[4] === '' ? '' : realPath(m[4]!)}`);
    } else if (i + 1 < args.length) {
      out.push(arg, realPath(args[++i]!));
    } else {
      out.push(arg);
    }
  }
  return out;
}
