// A node's image store (containerd's, as `crictl images` lists it): images pulled from the
// catalog's registries, kept in <node>/var/lib/containerd/kubedojo-images.json so they survive a
// daemon restart. A pull takes simulated time that grows with the image's size.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Timers } from '../../controllers/framework/queue.js';
import type { CatalogImage, ImageCatalog } from './catalog.js';
import { parseImageRef, type ImageRef } from './image-ref.js';

export interface StoredImage {
  repository: string;
  tags: string[];
  digest: string;
  imageId: string;
  size: number;
}

export type PullResult =
  | { ok: true; image: CatalogImage; ref: ImageRef; ms: number }
  | { ok: false; message: string };

/** Simulated transfer: 0.5 s plus 40 MB/s. */
export const pullMs = (size: number): number => 500 + Math.round(size / 40_000);

export class ImageStore {
  private readonly images = new Map<string, StoredImage>();
  private readonly file: string | undefined;

  constructor(private readonly catalog: ImageCatalog, private readonly timers: Timers, root?: string, preload: string[] = []) {
    this.file = root ? join(root, 'var/lib/containerd/kubedojo-images.json') : undefined;
    if (this.file && existsSync(this.file)) {
      for (const i of JSON.parse(readFileSync(this.file, 'utf8')) as StoredImage[]) this.images.set(i.imageId, i);
    }
    for (const r of preload) {
      const ref = parseImageRef(r);
      const res = 'error' in ref ? undefined : catalog.resolve(ref);
      if (res && 'image' in res && !('error' in ref)) this.add(res.image, ref, false);
    }
  }

  list(): StoredImage[] {
    return [...this.images.values()];
  }

  /** The stored image a reference names, if it is present. */
  find(ref: ImageRef): StoredImage | undefined {
    return [...this.images.values()].find((i) => i.repository === ref.repository && (ref.digest ? i.digest === ref.digest : i.tags.includes(ref.tag ?? '')));
  }

  /** Pulls ref from the catalog's registries, taking simulated time. */
  pull(ref: ImageRef): Promise<PullResult> {
    const res = this.catalog.resolve(ref);
    const ms = 'image' in res ? pullMs(res.image.size) : 300;
    return new Promise((resolve) => {
      this.timers.setTimeout(() => {
        if (!('image' in res)) return resolve({ ok: false, message: `rpc error: code = ${res.code} desc = ${res.desc}` });
        this.add(res.image, ref, true);
        resolve({ ok: true, image: res.image, ref, ms });
      }, ms);
    });
  }

  /** Removes an image (crictl rmi); running containers keep running, as with containerd. */
  remove(imageId: string): void {
    if (this.images.delete(imageId)) this.save();
  }

  /** The catalog entry of a stored image, by its ID (its config, for the runtime's verbose info). */
  catalogImage(imageId: string): CatalogImage | undefined {
    return this.catalog.images.find((i) => i.imageId === imageId);
  }

  /** The catalog entry for an image already in the store. */
  imageFor(ref: ImageRef): CatalogImage | undefined {
    const res = this.catalog.resolve(ref);
    return 'image' in res && this.find(ref) ? res.image : undefined;
  }

  private add(image: CatalogImage, ref: ImageRef, save: boolean): void {
    const cur = this.images.get(image.imageId);
    const tags = new Set(cur?.tags ?? []);
    if (ref.tag) tags.add(ref.tag);
    this.images.set(image.imageId, { repository: image.repository, tags: [...tags], digest: image.digest, imageId: image.imageId, size: image.size });
    if (save) this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.list(), null, 1));
  }
}
