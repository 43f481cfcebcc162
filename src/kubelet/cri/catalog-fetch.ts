// Pulling from the image catalog's simulated registries, for a runtime with images of its own
// (the fixture runtime): containerd's CRI PullImage errors, with a registry refusal as NotFound
// as crictl reports it (crictl reference §8).
import { CriError } from '../../client/cri/errors.js';
import type { ImageCatalog } from '../runtime/catalog.js';
import { parseImageRef } from '../runtime/image-ref.js';
import type { ImageEntry } from './state.js';

export function catalogFetch(catalog: ImageCatalog): (ref: string) => Promise<ImageEntry> {
  return async (ref) => {
    const parsed = parseImageRef(ref);
    if ('error' in parsed) throw new CriError('Unknown', parsed.error);
    const res = catalog.resolve(parsed);
    if (!('image' in res)) throw new CriError(res.desc.includes('pull access denied') ? 'NotFound' : res.code, res.desc);
    const i = res.image;
    return {
      id: i.imageId, repoTags: parsed.tag ? [`${i.repository}:${parsed.tag}`] : [], repoDigests: [`${i.repository}@${i.digest}`], size: i.size, pinned: false,
      config: { ...(i.env ? { env: i.env } : {}), ...(i.entrypoint ? { entrypoint: i.entrypoint } : {}), ...(i.cmd ? { cmd: i.cmd } : {}), ...(i.workingDir ? { workingDir: i.workingDir } : {}) },
    };
  };
}
