// The volumes of one pod as the simulated runtime mounts them into a container's just-bash
// filesystem: an emptyDir is one in-memory filesystem shared by every container that mounts it;
// configMap/secret/downwardAPI/projected files are written into one when a container starts (and
// again after a minute, as the kubelet's sync refreshes them); hostPath and PVC-bound hostPath or
// local PVs are the real folder under the node's root. subPath and readOnly apply per mount.
import { InMemoryFs, ReadWriteFs, type IFileSystem, type MountConfig } from 'just-bash';
import { REFS } from '../../client/refs.js';
import { isNotFound, type Obj } from '../../client/types.js';
import type { EnvContext } from '../env.js';
import type { ContainerSpec } from '../pod-spec.js';
import { volumeFiles, type Files } from './files.js';
import { prepareHostPath } from './host-path.js';
import { ScopedFs } from './scoped-fs.js';
import { VolumeError, type Volume, type VolumeMount } from './types.js';

const REFRESH_MS = 60_000;

interface Backing { fs: IFileSystem; root: string; builtAt?: number; readOnly?: boolean }

const clean = (p: string) => `/${p.split('/').filter(Boolean).join('/')}`;

async function writeFiles(fs: IFileSystem, files: Files): Promise<void> {
  for (const name of await fs.readdir('/')) await fs.rm(`/${name}`, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const p = clean(path);
    await fs.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { recursive: true });
    await fs.writeFile(p, content);
  }
}

export class PodVolumes {
  /** Per volume, its backing as set up (a promise, so containers starting together share it). */
  private readonly backings = new Map<string, Promise<Backing>>();

  constructor(private readonly nodeRoot: string | undefined, private readonly now: () => number) {}

  /** The mounts of container c; throws VolumeError when a volume cannot be set up. */
  async mounts(ctx: EnvContext, c: ContainerSpec): Promise<MountConfig[]> {
    const volumes = ((ctx.pod.spec ?? {}) as { volumes?: Volume[] }).volumes ?? [];
    const out: MountConfig[] = [];
    for (const m of (c.volumeMounts ?? []) as VolumeMount[]) {
      const v = volumes.find((x) => x.name === m.name);
      if (!v) continue;
      const b = await this.backing(ctx, v);
      const root = clean(`${b.root}/${m.subPath ?? ''}`);
      if (m.subPath && !(await b.fs.exists(root)) && !b.readOnly) await b.fs.mkdir(root, { recursive: true });
      out.push({ mountPoint: clean(m.mountPath), filesystem: new ScopedFs(b.fs, root, Boolean(m.readOnly || b.readOnly), clean(m.mountPath)) });
    }
    return out;
  }

  private async backing(ctx: EnvContext, v: Volume): Promise<Backing> {
    const pending = this.backings.get(v.name);
    const have = await pending?.catch(() => undefined);
    if (pending && have && (have.builtAt === undefined || this.now() - have.builtAt < REFRESH_MS)) return have;
    if (pending !== this.backings.get(v.name)) return this.backing(ctx, v);
    const next = this.build(ctx, v, have);
    this.backings.set(v.name, next);
    next.catch(() => this.backings.get(v.name) === next && this.backings.delete(v.name));
    return next;
  }

  private async build(ctx: EnvContext, v: Volume, have: Backing | undefined): Promise<Backing> {
    const files = await volumeFiles(ctx, v);
    if (files) {
      const fs = have?.fs ?? new InMemoryFs();
      await writeFiles(fs, files);
      return { fs, root: '/', builtAt: this.now(), readOnly: true };
    }
    if (v.hostPath) return this.hostPath(v.name, v.hostPath.path, v.hostPath.type);
    if (v.persistentVolumeClaim) return this.claim(ctx, v.name, v.persistentVolumeClaim.claimName, v.persistentVolumeClaim.readOnly);
    return { fs: new InMemoryFs(), root: '/' };
  }

  private hostPath(volume: string, path: string, type?: string, readOnly = false): Backing {
    if (!this.nodeRoot) return { fs: new InMemoryFs(), root: '/', readOnly };
    prepareHostPath(volume, this.nodeRoot, path, type);
    return { fs: new ReadWriteFs({ root: this.nodeRoot }), root: clean(path), readOnly };
  }

  /** A claim's bound PV, when it is a hostPath or local volume. */
  private async claim(ctx: EnvContext, volume: string, claimName: string, readOnly?: boolean): Promise<Backing> {
    const ns = ctx.pod.metadata.namespace ?? 'default';
    type Pvc = Obj & { spec?: { volumeName?: string } };
    type Pv = Obj & { spec?: { hostPath?: { path: string; type?: string }; local?: { path: string } } };
    try {
      const pvc = await ctx.client.get<Pvc>(REFS.persistentvolumeclaims, ns, claimName);
      const pvName = pvc.spec?.volumeName;
      if (!pvName) throw new VolumeError(volume, `PVC ${ns}/${claimName} has non-bound phase ("Pending") or empty pvc.Spec.VolumeName ("")`);
      const pv = await ctx.client.get<Pv>(REFS.persistentvolumes, '', pvName);
      const src = pv.spec?.hostPath ?? (pv.spec?.local ? { path: pv.spec.local.path, type: 'Directory' } : undefined);
      return src ? this.hostPath(volume, src.path, src.type, readOnly) : { fs: new InMemoryFs(), root: '/', readOnly: Boolean(readOnly) };
    } catch (err) {
      if (isNotFound(err)) throw new VolumeError(volume, `persistentvolumeclaim "${claimName}" not found`);
      throw err;
    }
  }
}
