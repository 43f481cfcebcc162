// The kubelet's image store as the runtime's images (one source of truth): repo tags and digests
// from the catalog, the sandbox (pause) image pinned as containerd pins it.
import { CriError } from '../../client/cri/errors.js';
import { parseImageRef } from '../runtime/image-ref.js';
import type { ImageStore, StoredImage } from '../runtime/image-store.js';
import { PAUSE_IMAGE } from './info.js';
import type { ImageEntry, ImageSource } from './state.js';

function entry(store: ImageStore, i: StoredImage): ImageEntry {
  const repoTags = i.tags.map((t) => `${i.repository}:${t}`);
  const cat = store.catalogImage(i.imageId);
  const config = cat ? { ...(cat.env ? { env: cat.env } : {}), ...(cat.entrypoint ? { entrypoint: cat.entrypoint } : {}), ...(cat.cmd ? { cmd: cat.cmd } : {}), ...(cat.workingDir ? { workingDir: cat.workingDir } : {}) } : undefined;
  return { id: i.imageId, repoTags, repoDigests: [`${i.repository}@${i.digest}`], size: i.size, pinned: repoTags.includes(PAUSE_IMAGE), ...(config ? { config } : {}) };
}

export class StoreImages implements ImageSource {
  constructor(private readonly store: ImageStore) {}

  list(): ImageEntry[] {
    return this.store.list().map((i) => entry(this.store, i));
  }

  remove(id: string): void {
    this.store.remove(id);
  }

  async pull(ref: string): Promise<ImageEntry> {
    const parsed = parseImageRef(ref);
    if ('error' in parsed) throw new CriError('Unknown', parsed.error);
    const res = await this.store.pull(parsed);
    if (!res.ok) {
      const m = /^rpc error: code = (\w+) desc = ([\s\S]*)$/.exec(res.message);
      const desc = m?.[2] ?? res.message;
      // crictl reports a registry's refusal as NotFound (crictl reference §8).
      throw new CriError(desc.includes('pull access denied') ? 'NotFound' : (m?.[1] ?? 'Unknown'), desc);
    }
    const stored = this.store.list().find((i) => i.imageId === res.image.imageId);
    if (!stored) throw new CriError('Unknown', `image "${ref}" vanished after pull`);
    return entry(this.store, stored);
  }
}
