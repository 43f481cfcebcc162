// The ImageService over a runtime's images: lookup as containerd resolves references (§6), an
// absent image is an empty answer (crictl words the "no such image"), removal never refuses.
import type * as T from '../../client/cri/types.js';
import { CriError } from '../../client/cri/errors.js';
import type { CriBackend } from './backend.js';
import { imageInfo } from './info.js';
import { criImage } from './messages.js';
import type { MemoryRuntime } from './memory-runtime.js';
import { findImage } from './resolve.js';
import { parseImageRef } from '../runtime/image-ref.js';

export interface ImageFsFigures {
  usedBytes: number;
  inodesUsed: number;
  /** ns since the epoch, as a decimal string */
  timestamp: string;
}

type ImageRpcs = Pick<CriBackend, 'listImages' | 'imageStatus' | 'pullImage' | 'removeImage' | 'imageFsInfo'>;

const OVERLAYFS = '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs';

/** Looks an image up; an ambiguous ID prefix is containerd's resolve error. */
function lookup(rt: MemoryRuntime, ref: string) {
  try {
    return findImage(rt.images.list(), ref);
  } catch (err) {
    if (err instanceof CriError) throw new CriError('Unknown', `can not resolve "${ref}" locally: ${err.desc}`);
    throw err;
  }
}

export function imageRpcs(rt: MemoryRuntime, imageFs?: () => ImageFsFigures): ImageRpcs {
  const figures = imageFs ?? (() => defaultFs(rt));
  return {
    listImages: async () => ({ images: rt.images.list().map(criImage) }),
    imageStatus: async (req: T.ImageStatusRequest) => {
      const img = lookup(rt, req.image?.image ?? '');
      if (!img) return { image: null, info: {} };
      return { image: criImage(img), info: req.verbose ? imageInfo(img) : {} };
    },
    pullImage: async (req: T.PullImageRequest) => {
      const ref = req.image?.image ?? '';
      const parsed = parseImageRef(ref);
      if ('error' in parsed) throw new CriError('Unknown', `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${parsed.error}`);
      const have = findImage(rt.images.list(), parsed.full);
      if (have) return { imageRef: have.id };
      if (!rt.images.pull) throw new CriError('NotFound', `failed to pull and unpack image "${parsed.full}": failed to resolve reference "${parsed.full}": ${parsed.full}: not found`);
      return { imageRef: (await rt.images.pull(parsed.full)).id };
    },
    removeImage: async (req: T.RemoveImageRequest) => {
      const img = lookup(rt, req.image?.image ?? '');
      if (img) {
        rt.images.remove(img.id);
        rt.emit({ kind: 'IMAGE_REMOVED', imageId: img.id });
      }
      return {};
    },
    imageFsInfo: async () => {
      const f = figures();
      const usage: T.FilesystemUsage = { timestamp: f.timestamp, fsId: { mountpoint: OVERLAYFS }, usedBytes: { value: String(f.usedBytes) }, inodesUsed: { value: String(f.inodesUsed) } };
      return { imageFilesystems: [usage], containerFilesystems: [] };
    },
  };
}

/** The snapshotter's use: the images' sizes plus the containers' writable layers. */
function defaultFs(rt: MemoryRuntime): ImageFsFigures {
  const images = rt.images.list();
  const bytes = images.reduce((a, i) => a + i.size, 0) + rt.containers.size * 16384;
  return { usedBytes: bytes, inodesUsed: images.length * 600 + rt.containers.size * 12, timestamp: String(rt.nowNs()) };
}
