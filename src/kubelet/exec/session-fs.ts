// The filesystem an exec session sees: the container's own (the one its main shell writes, or
// one kept per container run for the image servers) under the container's volume mounts, with
// the session's stdout and stderr at /proc/1/fd/{1,2}, where the runtime's stream transform
// sends each command's output.
import { InMemoryFs, MountableFs, type IFileSystem, type MountConfig } from 'just-bash';
import type { Stream } from '../runtime/cri-log.js';
import type { SimProcess } from '../runtime/process.js';
import { STDERR_PATH, STDOUT_PATH } from '../runtime/stream-transform.js';

/** Root filesystems of runs whose process keeps none of its own (the image servers). */
const kept = new WeakMap<SimProcess, IFileSystem>();

/** The container run's root filesystem, shared by its main process and every exec into it. */
export function rootfsOf(proc: SimProcess): IFileSystem {
  if (proc.rootfs) return proc.rootfs;
  let fs = kept.get(proc);
  if (!fs) {
    fs = new InMemoryFs();
    kept.set(proc, fs);
  }
  return fs;
}

const text = (content: unknown): string => (typeof content === 'string' ? content : Buffer.from(content as Uint8Array).toString('utf8'));

/** root with writes to /proc/1/fd/{1,2} handed to sink. */
function routed(root: IFileSystem, sink: (s: Stream, t: string) => void): IFileSystem {
  const route = (path: string, content: unknown): boolean => {
    const stream = path === STDOUT_PATH ? 'stdout' : path === STDERR_PATH ? 'stderr' : undefined;
    if (!stream) return false;
    const t = text(content);
    if (t) sink(stream, t);
    return true;
  };
  return new Proxy(root, {
    get(target, prop) {
      if (prop === 'writeFile' || prop === 'appendFile') {
        return async (path: string, content: unknown, opts?: unknown) => {
          if (!route(path, content)) await (target[prop] as (p: string, c: unknown, o?: unknown) => Promise<void>).call(target, path, content, opts);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The folders a container image's root has, made when a session first needs them. */
export const IMAGE_DIRS = ['/etc', '/home', '/root', '/tmp', '/var'];

export function sessionFs(root: IFileSystem, mounts: MountConfig[], sink: (s: Stream, t: string) => void): IFileSystem {
  return new MountableFs({ base: routed(root, sink), mounts });
}
