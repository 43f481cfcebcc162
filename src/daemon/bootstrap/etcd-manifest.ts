// Reads the etcd static Pod manifest of the control-plane node the way the kubelet would run it:
// the etcd container's command line, with every path-valued flag turned from a path inside the
// container into a real path, through the container's volumeMounts and the volumes' hostPaths.
// So the restore drill works as on a real node: restore a snapshot into a new folder, point the
// etcd-data hostPath (or --data-dir and its mount) at it, and the cluster runs on that data.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { parse } from 'yaml';

export class EtcdManifestError extends Error {
  override name = 'EtcdManifestError';
}

/** etcd's flags whose value is a file or folder. */
export const ETCD_PATH_FLAGS = [
  'data-dir',
  'wal-dir',
  'cert-file',
  'key-file',
  'trusted-ca-file',
  'peer-cert-file',
  'peer-key-file',
  'peer-trusted-ca-file',
  'client-crl-file',
  'peer-crl-file',
];

export const ETCD_MANIFEST = 'etc/kubernetes/manifests/etcd.yaml';

export interface EtcdArgsOptions {
  /**
   * Where a path that no volume covers lands: the container's own writable layer, which a
   * restart throws away. Default <nodeRoot>/var/lib/kubedojo/containers/etcd/rootfs.
   */
  containerRoot?: string;
}

interface Mount {
  mountPath: string;
  hostPath: string;
}

/** The etcd container's arguments (without the binary), path flags mapped to real paths. */
export function etcdArgsFromManifest(nodeRoot: string, opts: EtcdArgsOptions = {}): string[] {
  const file = join(nodeRoot, ETCD_MANIFEST);
  const pod = readManifest(file);
  const container = etcdContainer(pod, file);
  const argv = [...strings(container.command, file, 'command'), ...strings(container.args, file, 'args')];
  const args = argv[0] !== undefined && !argv[0].startsWith('-') ? argv.slice(1) : argv;
  const mounts = mountsOf(pod, container, file);
  const containerRoot = opts.containerRoot ?? join(nodeRoot, 'var/lib/kubedojo/containers/etcd/rootfs');
  const realPath = (p: string): string => toRealPath(p, mounts, nodeRoot, containerRoot);
  return mapPathFlags(args, realPath);
}

function readManifest(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw new EtcdManifestError(`etcd manifest "${file}" cannot be read: ${why}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new EtcdManifestError(`etcd manifest "${file}" is not valid YAML: ${first}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new EtcdManifestError(`etcd manifest "${file}" is not a Pod manifest`);
  }
  return doc as Record<string, unknown>;
}

function etcdContainer(pod: Record<string, unknown>, file: string): Record<string, unknown> {
  const spec = pod.spec as Record<string, unknown> | undefined;
  const containers = Array.isArray(spec?.containers) ? (spec.containers as unknown[]) : [];
  const objects = containers.filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object');
  const found = objects.find((c) => c.name === 'etcd') ?? objects.find((c) => isEtcdCommand(c.command));
  if (!found) throw new EtcdManifestError(`etcd manifest "${file}" has no etcd container (spec.containers[].name: etcd)`);
  return found;
}

function isEtcdCommand(command: unknown): boolean {
  return Array.isArray(command) && typeof command[0] === 'string' && posix.basename(command[0]) === 'etcd';
}

function strings(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new EtcdManifestError(`etcd manifest "${file}": the etcd container's ${field} is not a list`);
  return value.map((v) => (typeof v === 'string' ? v : String(v)));
}

function mountsOf(pod: Record<string, unknown>, container: Record<string, unknown>, file: string): Mount[] {
  const spec = pod.spec as Record<string, unknown>;
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Record<string, unknown>[]) : [];
  const mounts = Array.isArray(container.volumeMounts) ? (container.volumeMounts as Record<string, unknown>[]) : [];
  const result: Mount[] = [];
  for (const m of mounts) {
    const volume = volumes.find((v) => v?.name === m?.name);
    if (!volume) throw new EtcdManifestError(`etcd manifest "${file}": volumeMount "${String(m?.name)}" names no volume`);
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

function mapPathFlags(args: string[], realPath: (p: string) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^(--?)([a-z0-9-]+)(=(.*))?$/.exec(arg);
    const name = m?.[2];
    if (!m || name === undefined || !ETCD_PATH_FLAGS.includes(name)) {
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
